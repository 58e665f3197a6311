import net from 'node:net';

type Connect = (this: net.Socket, ...args: unknown[]) => net.Socket;

/** Where a Socket#connect call is headed, from any of its call shapes. */
function targetOf(args: unknown[]): { host?: string; path?: string } {
	// net.connect()/http.Agent hand over one pre-normalized [options, callback] array.
	const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
	if (typeof first === 'number') return { host: typeof args[1] === 'string' ? args[1] : 'localhost' };
	if (typeof first === 'string') return { path: first };
	const options = (first ?? {}) as { host?: unknown; path?: unknown };
	if (typeof options.path === 'string') return { path: options.path };
	return { host: typeof options.host === 'string' ? options.host : 'localhost' };
}

/**
 * Runs `fn` with every outgoing TCP connection (http, https, proxies, anything built on net.Socket)
 * limited to `allowedHosts`. A blocked attempt fails its socket like a refused connection, and is
 * reported afterwards even if the code under test swallowed that failure (e.g. by retrying).
 */
export async function withLoopbackOnly<T>(fn: () => Promise<T>, allowedHosts: readonly string[] = ['127.0.0.1']): Promise<T> {
	const prototype = net.Socket.prototype as unknown as { connect: Connect };
	const original = prototype.connect;
	const blocked: string[] = [];
	prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]): net.Socket {
		const { host, path } = targetOf(args);
		// Unix sockets never leave the machine.
		if (path !== undefined || (host !== undefined && allowedHosts.includes(host))) return original.apply(this, args);
		blocked.push(String(host));
		const error = Object.assign(new Error(`Harness blocked an outbound connection to ${String(host)}`), { code: 'EHARNESSBLOCKED' });
		process.nextTick(() => this.destroy(error));
		return this;
	};
	let outcome: { ok: true; value: T } | { ok: false; error: unknown };
	try {
		outcome = { ok: true, value: await fn() };
	} catch (error) {
		outcome = { ok: false, error };
	} finally {
		prototype.connect = original;
	}
	// A blocked connection outranks whatever error it caused downstream.
	if (blocked.length > 0) {
		const message = `Outbound connections outside ${allowedHosts.join(', ')} were attempted: ${blocked.join(', ')}`;
		throw new Error(message, outcome.ok ? undefined : { cause: outcome.error });
	}
	if (!outcome.ok) throw outcome.error;
	return outcome.value;
}
