/**
 * Bounds on the transport's work. Each has a clear error past it, so a misbehaving server or proxy
 * can neither hang a workflow nor fill n8n's memory. The README states them for users.
 */
export interface TransportLimits {
	/** Largest successful answer read, in bytes. */
	maxResponseBytes: number;
	/** Largest error answer read: only a short message is wanted from it. */
	maxErrorBodyBytes: number;
	/** One attempt from departure to the last byte of the answer (not just silence). */
	attemptDeadlineMs: number;
	/** Every attempt of one request and the waits between them, from the first departure. */
	requestDeadlineMs: number;
	/** Rows one list read may return. */
	maxRowsPerRead: number;
	/** Page requests one list read may make. */
	maxPagesPerRead: number;
}

export const DEFAULT_LIMITS: TransportLimits = {
	// Open Dental's largest page is 10,000 rows (Enterprise keys on the API Service), far below this
	// even for full patient records; the node itself asks for at most 1,000.
	maxResponseBytes: 64 * 1024 * 1024,
	maxErrorBodyBytes: 64 * 1024,
	// Open Dental ends its own work at 60 s with a 504; the rest is for the transfer.
	attemptDeadlineMs: 90_000,
	requestDeadlineMs: 180_000,
	// A read past these is not a sync but a runaway: narrower filters or a limit are the way.
	maxRowsPerRead: 500_000,
	maxPagesPerRead: 10_000,
};
