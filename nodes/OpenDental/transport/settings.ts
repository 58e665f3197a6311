import { DEFAULT_LIMITS, type TransportLimits } from './limits';
import { type Clock, systemClock } from './pacer';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry';

/** What the transport takes from its surroundings: time, retry policy, randomness and limits. */
export interface TransportSettings {
	clock: Clock;
	retry: RetryPolicy;
	random: () => number;
	limits: TransportLimits;
	/** Wall-clock time (ms since 1970) for windows like "tomorrow" in the office's time zone. */
	wallClock: () => number;
}

const DEFAULTS: TransportSettings = {
	clock: systemClock,
	retry: DEFAULT_RETRY_POLICY,
	random: Math.random,
	limits: DEFAULT_LIMITS,
	wallClock: () => Date.now(),
};

let current: TransportSettings = DEFAULTS;

export function transportSettings(): TransportSettings {
	return current;
}

type SettingsPatch = Partial<Omit<TransportSettings, 'limits'>> & { limits?: Partial<TransportLimits> };

/**
 * Tests only: replaces parts of the settings (a virtual clock, a short retry policy, lower limits)
 * until restoreTransportSettings(). Production never calls it.
 */
export function overrideTransportSettings(patch: SettingsPatch): void {
	current = { ...DEFAULTS, ...patch, limits: { ...DEFAULTS.limits, ...patch.limits } };
}

export function restoreTransportSettings(): void {
	current = DEFAULTS;
}
