'use strict';

const { mulberry32, randomInt, pick, pickWeighted } = require('../../prng');
const { providerAbbr, clinicAbbr } = require('../../reference-data');
const { NO_DATE } = require('./schema');
const { dateOfDay, dateTimeOfSecond } = require('../../calendar');

// Captured once because global lookups are slow inside Jest's vm sandbox.
const { floor, min, round } = Math;
const { fromCharCode } = String;

// Invented names and places. Phones are 555-01xx numbers, emails use
// example.com and SSNs start with 9, so nothing can be a real person.
const LAST_NAMES = [
	'Abernathy', 'Alcott', 'Barrowman', 'Bellweather', 'Brightwater', 'Calloway', 'Castellane', 'Delacorte',
	'Dunmore', 'Ellery', 'Fairbrook', 'Fenwick', 'Garrowby', 'Halvorsen', 'Hargrove', 'Ingleby', 'Jardine',
	'Kestrel', 'Lindqvist', 'Marchetti', 'Montague', 'Norcross', 'Oakhurst', 'Pemberton', 'Quillfeather',
	'Ravensworth', 'Salcedo', 'Smithers', 'Sorensby', 'Thackeray', 'Underhill', 'Vasquero', 'Whitlock',
	'Yarrowby', 'Zellner', 'de la Fontaine', "O'Rourkeson", 'Smith-Hollins',
];
const FEMALE_NAMES = ['Ada', 'Beatrix', 'Clara', 'Delphine', 'Eliza', 'Fern', 'Greta', 'Hazel', 'Iris', 'Juniper',
	'Lena', 'Mabel', 'Nora', 'Opal', 'Posy', 'Rosalind', 'Sylvie', 'Tamsin', 'Vera', 'Wren'];
const MALE_NAMES = ['Abel', 'Barnaby', 'Cyrus', 'Desmond', 'Ezra', 'Felix', 'Gideon', 'Hugo', 'Ignatius', 'Jasper',
	'Lionel', 'Milo', 'Nestor', 'Otis', 'Percival', 'Rufus', 'Silas', 'Thaddeus', 'Virgil', 'Wendell'];
const NEUTRAL_NAMES = ['Avery', 'Jordan', 'Quinn', 'Rowan', 'Sage', 'Emery'];
const NICKNAMES = ['Bea', 'Gus', 'Kit', 'Max', 'Tilly', 'Sunny', 'Ace', 'Pip'];
const STREETS = ['Maple', 'Cedar', 'Juniper', 'Willow', 'Aspen', 'Birch', 'Magnolia', 'Sycamore', 'Hawthorn', 'Larkspur'];
const STREET_KINDS = ['St', 'Ave', 'Ln', 'Dr', 'Ct', 'Way'];
const PLACES = [
	['Riverton', 'IL', '62561'], ['Lakeview', 'IL', '62562'], ['Oak Hollow', 'IL', '62563'],
	['Pine Ridge', 'MO', '63090'], ['Brookhaven', 'IN', '47001'], ['Maple Grove', 'IL', '62564'],
];
const AREA_CODES = ['217', '309', '618', '314'];

const STATUS_WEIGHTS = [['Patient', 78], ['NonPatient', 3], ['Inactive', 6], ['Archived', 4], ['Deceased', 2],
	['Prospective', 4], ['Deleted', 3]];
const CONTACT_WEIGHTS = [['None', 30], ['HmPhone', 10], ['WirelessPh', 20], ['TextMessage', 20], ['Email', 15],
	['Mail', 2], ['DoNotCall', 2], ['WkPhone', 1]];
const GENDER_WEIGHTS = [['Female', 48], ['Male', 48], ['Unknown', 3], ['Other', 1]];
const SOLO_POSITION_WEIGHTS = [['Single', 6], ['Divorced', 2], ['Widowed', 1]];
const LANGUAGE_WEIGHTS = [['', 7], ['eng', 2], ['spa', 1]];
const TXT_OK_WEIGHTS = [['Unknown', 4], ['Yes', 4.5], ['No', 1.5]];
const CLINIC_WEIGHTS = [[0, 2], [1, 4], [2, 4]];
const PROVIDER_WEIGHTS = [[1, 4], [2, 4], [3, 1], [4, 1]];
const HOUSEHOLD_SIZE_WEIGHTS = [[1, 45], [2, 25], [3, 15], [4, 15]];

const DAY_MS = 86400000;
const STAMP_START = Date.UTC(2023, 0, 1) / 1000;
const STAMP_SECONDS = (Date.UTC(2025, 11, 31, 23, 59, 59) - Date.UTC(2023, 0, 1)) / 1000 + 1;
const ENTRY_START_DAY = Date.UTC(2015, 0, 1) / DAY_MS;

const pad = (n, width = 2) => `${n}`.padStart(width, '0');

const money = (value) => round(value * 100) / 100;

function phone(rng) {
	return `(${pick(rng, AREA_CODES)})555-01${pad(randomInt(rng, 0, 99))}`;
}

function birthdate(rng, role) {
	if (rng() < 0.02) return NO_DATE;
	const year = role === 'child' ? randomInt(rng, 2006, 2022) : randomInt(rng, 1940, 2000);
	return `${year}-${pad(randomInt(rng, 1, 12))}-${pad(randomInt(rng, 1, 28))}`;
}

function firstName(rng, gender) {
	if (gender === 'Female') return pick(rng, FEMALE_NAMES);
	if (gender === 'Male') return pick(rng, MALE_NAMES);
	return pick(rng, NEUTRAL_NAMES);
}

function makeHousehold(rng, firstPatNum, size) {
	const household = {
		LName: pick(rng, LAST_NAMES),
		place: pick(rng, PLACES),
		Address: `${randomInt(rng, 10, 9899)} ${pick(rng, STREETS)} ${pick(rng, STREET_KINDS)}`,
		Address2: rng() < 0.1 ? `Apt ${randomInt(rng, 1, 40)}` : '',
		HmPhone: rng() < 0.7 ? phone(rng) : '',
		ClinicNum: pickWeighted(rng, CLINIC_WEIGHTS),
		PriProv: pickWeighted(rng, PROVIDER_WEIGHTS),
		Guarantor: firstPatNum,
		size,
	};
	return household;
}

function makePatient(rng, PatNum, household, memberIndex) {
	const role = memberIndex === 0 ? 'head' : memberIndex === 1 ? 'spouse' : 'child';
	const Gender = pickWeighted(rng, GENDER_WEIGHTS);
	const FName = firstName(rng, Gender);
	const { LName } = household;
	let Position = 'Child';
	if (role !== 'child') {
		Position = household.size > 1 ? 'Married' : pickWeighted(rng, SOLO_POSITION_WEIGHTS);
	}
	const PatStatus = pickWeighted(rng, STATUS_WEIGHTS);
	const stampSeconds = STAMP_START + floor(rng() * STAMP_SECONDS);
	const stampDay = floor(stampSeconds / 86400);
	const entryDay = ENTRY_START_DAY + floor(rng() * (stampDay - ENTRY_START_DAY));
	const firstVisitDay = min(entryDay + randomInt(rng, 0, 60), stampDay);
	const EstBalance = rng() < 0.3 ? money(randomInt(rng, 1000, 90000) / 100) : 0;
	const SecProv = rng() < 0.25 ? randomInt(rng, 3, 4) : 0;
	const PriProv = rng() < 0.85 ? household.PriProv : randomInt(rng, 1, 4);
	const emailTag = `${FName}.${LName}`.toLowerCase().replace(/[^a-z.]/g, '');
	const [City, State, Zip] = household.place;
	const prefer = () => pickWeighted(rng, CONTACT_WEIGHTS);
	return {
		PatNum, LName, FName,
		MiddleI: rng() < 0.4 ? fromCharCode(65 + randomInt(rng, 0, 25)) : '',
		Preferred: rng() < 0.1 ? pick(rng, NICKNAMES) : '',
		PatStatus, Gender, Position,
		Birthdate: birthdate(rng, role),
		SSN: rng() < 0.6 ? `9${pad(randomInt(rng, 0, 99))}${pad(randomInt(rng, 0, 999999), 6)}` : '',
		Address: household.Address, Address2: household.Address2, City, State, Zip,
		HmPhone: household.HmPhone,
		WkPhone: role !== 'child' && rng() < 0.3 ? phone(rng) : '',
		WirelessPhone: rng() < 0.8 ? phone(rng) : '',
		Guarantor: household.Guarantor,
		Email: rng() < 0.75 ? `${emailTag}${PatNum}@example.com` : '',
		EstBalance,
		PriProv, priProvAbbr: providerAbbr(PriProv),
		SecProv, secProvAbbr: providerAbbr(SecProv),
		FeeSched: rng() < 0.1 ? 53 : 0,
		BillingType: rng() < 0.9 ? 'Standard Account' : 'Insurance Only',
		ImageFolder: `${LName}${FName}${PatNum}`.replace(/[^A-Za-z0-9]/g, ''),
		FamFinUrgNote: role === 'head' && rng() < 0.05 ? 'CC on file expiring soon' : '',
		ChartNumber: rng() < 0.5 ? `C${pad(PatNum, 6)}` : '',
		MedicaidID: rng() < 0.05 ? `MCD${pad(randomInt(rng, 0, 9999999), 7)}` : '',
		BalTotal: 0,
		EmployerNum: rng() < 0.3 ? randomInt(rng, 1, 5) : 0,
		DateFirstVisit: PatStatus === 'Prospective' ? NO_DATE : dateOfDay(firstVisitDay),
		ClinicNum: household.ClinicNum, clinicAbbr: clinicAbbr(household.ClinicNum),
		Premed: rng() < 0.08 ? 'true' : 'false',
		Ward: '',
		PreferConfirmMethod: prefer(), PreferContactMethod: prefer(), PreferRecallMethod: prefer(),
		Language: pickWeighted(rng, LANGUAGE_WEIGHTS),
		AdmitDate: NO_DATE,
		siteDesc: '',
		DateTStamp: dateTimeOfSecond(stampSeconds),
		SuperFamily: household.SuperFamily || 0,
		TxtMsgOk: pickWeighted(rng, TXT_OK_WEIGHTS),
		SecDateEntry: dateOfDay(entryDay),
	};
}

// Deterministic: the same (count, seed) always produces identical patients.
// Households share a surname, address and home phone; the first member is
// the guarantor and carries the family balance, as in Open Dental.
function generatePatients(count, seed) {
	const rng = mulberry32(seed);
	const patients = new Array(count);
	let superFamilyHead = 0;
	let patNum = 1;
	while (patNum <= count) {
		const size = min(pickWeighted(rng, HOUSEHOLD_SIZE_WEIGHTS), count - patNum + 1);
		const household = makeHousehold(rng, patNum, size);
		const superRoll = rng();
		if (superFamilyHead && superRoll < 0.3) household.SuperFamily = superFamilyHead;
		else if (superRoll > 0.95) household.SuperFamily = superFamilyHead = patNum;
		else superFamilyHead = 0;
		let familyTotal = 0;
		for (let member = 0; member < size; member += 1) {
			const patient = makePatient(rng, patNum, household, member);
			familyTotal += patient.EstBalance;
			patients[patNum - 1] = patient;
			patNum += 1;
		}
		patients[household.Guarantor - 1].BalTotal = money(familyTotal);
	}
	return patients;
}

module.exports = { generatePatients };
