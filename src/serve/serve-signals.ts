import type { LeadServer } from './lead-server.js';

/**
 * Wires process signals to a server: SIGINT and SIGTERM shut it down gracefully (a second
 * one exits at once with code 1), SIGHUP reloads the model folder. Returns a function that
 * removes the handlers; `stopped` resolves once the server has closed after a signal.
 */
export function handleServeSignals(server: LeadServer): { stopped: Promise<void>; dispose: () => void } {
  let resolveStopped: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });
  let shuttingDown = false;
  const onStop = (signal: NodeJS.Signals): void => {
    if (shuttingDown) {
      server.context.log.event('warn', `second ${signal}: exiting without waiting`);
      process.exit(1);
    }
    shuttingDown = true;
    server.context.log.event('info', `${signal} received`);
    server.close().then(resolveStopped, resolveStopped);
  };
  const onHangup = (): void => {
    server.context.log.event('info', 'SIGHUP received: reloading the model');
    void server.reload();
  };
  process.on('SIGINT', onStop);
  process.on('SIGTERM', onStop);
  process.on('SIGHUP', onHangup);
  const dispose = (): void => {
    process.off('SIGINT', onStop);
    process.off('SIGTERM', onStop);
    process.off('SIGHUP', onHangup);
  };
  return { stopped, dispose };
}
