import { isLeadstackError } from '../core/errors.js';
import { loadServedModel, type ServedModel, type ServedModelOptions } from './served-model.js';

/** How a reload ended. */
export type ReloadOutcome =
  | { ok: true; modelVersion: string; previousVersion: string; dir: string; seconds: number }
  | { ok: false; modelVersion: string; reason: string; dir: string };

export interface ModelHolderEvents {
  /** A model was put in service (the first one, or a reload's). */
  onServe?: (model: ServedModel) => void;
  /** A reload ended, either way. */
  onReload?: (outcome: ReloadOutcome) => void;
}

/**
 * The model being served, swapped atomically on reload. A request takes `current` once and
 * scores with it to the end, so a reload never changes the model under a request in flight.
 * A reload loads and verifies the new model completely before the swap; if anything fails
 * the old model stays and the outcome says why. Reloads run one at a time, in order.
 */
export class ModelHolder {
  private model: ServedModel | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly options: ServedModelOptions,
    private readonly events: ModelHolderEvents = {},
  ) {}

  /** Loads the first model (throws when it cannot be served). */
  async load(dir: string): Promise<ServedModel> {
    const model = await loadServedModel(dir, this.options);
    this.model = model;
    this.events.onServe?.(model);
    return model;
  }

  get current(): ServedModel {
    if (!this.model) throw new Error('no model loaded yet');
    return this.model;
  }

  /** The version being served ('' before the first load). */
  get version(): string {
    return this.model?.version ?? '';
  }

  /** Loads the model folder again (or `dir`, which then becomes the folder reloads read). */
  reload(dir?: string): Promise<ReloadOutcome> {
    const next = this.queue.then(() => this.reloadNow(dir));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async reloadNow(dir: string | undefined): Promise<ReloadOutcome> {
    const started = performance.now();
    const previous = this.current;
    const target = dir ?? previous.dir;
    let outcome: ReloadOutcome;
    try {
      const loaded = await loadServedModel(target, this.options);
      this.model = loaded;
      this.events.onServe?.(loaded);
      outcome = {
        ok: true,
        modelVersion: loaded.version,
        previousVersion: previous.version,
        dir: loaded.dir,
        seconds: (performance.now() - started) / 1000,
      };
    } catch (error) {
      const reason = isLeadstackError(error) ? error.message : `${(error as Error).name}: ${(error as Error).message}`;
      outcome = { ok: false, modelVersion: previous.version, reason, dir: target };
    }
    this.events.onReload?.(outcome);
    return outcome;
  }
}
