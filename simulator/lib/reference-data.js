'use strict';

// The small fixed "office" around the patients: clinics, providers and
// preferences. All of it is invented.

const CLINICS = [
	{
		ClinicNum: 1, Description: 'Sunrise Family Dental - Downtown', Address: '100 Main St', Address2: 'Suite 200',
		City: 'Riverton', State: 'IL', Zip: '62561',
		BillingAddress: '', BillingAddress2: '', BillingCity: '', BillingState: '', BillingZip: '',
		PayToAddress: '', PayToAddress2: '', PayToCity: '', PayToState: '', PayToZip: '',
		Phone: '5555550100', Abbr: 'DWTN', IsHidden: 'false',
	},
	{
		ClinicNum: 2, Description: 'Sunrise Family Dental - Lakeside', Address: '42 Shoreline Dr', Address2: '',
		City: 'Lakeview', State: 'IL', Zip: '62562',
		BillingAddress: '100 Main St', BillingAddress2: 'Suite 200', BillingCity: 'Riverton', BillingState: 'IL', BillingZip: '62561',
		PayToAddress: '', PayToAddress2: '', PayToCity: '', PayToState: '', PayToZip: '',
		Phone: '5555550199', Abbr: 'LAKE', IsHidden: 'false',
	},
];

// ClinicNums each provider is restricted to; an empty list means "all clinics".
const PROVIDER_CLINICS = { 1: [], 2: [1], 3: [], 4: [2] };

function provider(ProvNum, Abbr, LName, FName, Specialty, IsSecondary, provColor, DateTStamp) {
	return {
		ProvNum, Abbr, LName, FName, MI: '', Suffix: IsSecondary === 'true' ? 'RDH' : 'DDS', FeeSched: 53,
		Specialty, SSN: '', StateLicense: `SIM-${1000 + ProvNum}`, IsSecondary, provColor,
		IsHidden: 'false', UsingTIN: 'false', SigOnFile: 'true', NationalProvID: '', DateTStamp,
		IsNotPerson: 'false', ProvStatus: 'Active', IsHiddenReport: 'false', Birthdate: '0001-01-01',
		SchedNote: '', PreferredName: '',
	};
}

const PROVIDERS = [
	provider(1, 'DOC1', 'Holloway', 'Martin', 261, 'false', '-16777056', '2023-02-14 09:12:44'),
	provider(2, 'DOC2', 'Brandvold', 'Elise', 261, 'false', '-8355585', '2024-06-03 16:40:05'),
	provider(3, 'HYG1', 'Penrose', 'Carla', 264, 'true', '-32640', '2023-11-20 08:01:30'),
	provider(4, 'HYG2', 'Quintero', 'Devon', 264, 'true', '-16744384', '2025-01-09 12:55:17'),
];

const PREFERENCES = [
	['AccountShowPaymentNums', 'false'],
	['ApptBubbleDelay', 'true'],
	['DateLastAging', '2025-11-01'],
	['EasyNoClinics', 'false'],
	['LanguagesUsedByPatients', 'eng,spa'],
	['PracticeTitle', 'Sunrise Family Dental (simulated)'],
	['PracticePhone', '5555550100'],
	['RecallDaysFuture', '30'],
	['RecallDaysPast', '180'],
	['RecallTypesShowingInList', '1,2'],
	['TimeCardOvertimeFirstDayOfWeek', '0'],
	['WebSchedRecallEnabled', 'true'],
].map(([PrefName, ValueString], index) => ({ PrefNum: index + 1, PrefName, ValueString }));

const providerAbbr = (provNum) => (PROVIDERS.find((p) => p.ProvNum === provNum) || { Abbr: '' }).Abbr;
const clinicAbbr = (clinicNum) => (CLINICS.find((c) => c.ClinicNum === clinicNum) || { Abbr: '' }).Abbr;

module.exports = { CLINICS, PROVIDERS, PROVIDER_CLINICS, PREFERENCES, providerAbbr, clinicAbbr };
