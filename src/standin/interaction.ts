// One interaction the stand-in dispatched, and everything the bot did about it.
// `reply()` resolves when the user would see the final answer (not the "thinking…" placeholder).
import { performance } from 'node:perf_hooks';
import type { Final, RecordedCallback, StandInUser, StoredMessage } from './types.js';

export class InteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly type: number;
  readonly user: StandInUser;
  /** Command name, or the custom_id of the clicked button. */
  readonly name: string;
  readonly callbacks: RecordedCallback[] = [];
  /** The message this interaction's token edits as @original (for a button: the message clicked). */
  originalMessageId: string | null;
  readonly followUpIds: string[] = [];
  dispatchedAt = 0;
  /** Gateway mode: the shards the event was sent to (one, the guild's). */
  shards: number[] = [];
  /** HTTP mode: the delivery in progress (its response is the first callback). */
  delivery: Promise<void> | null = null;
  /** HTTP mode: which endpoint (and worker) answered. */
  servedBy: string | null = null;
  /** HTTP mode: why the delivery failed, if it did (the endpoint refused or never answered). */
  failure: string | null = null;
  private settled: Final | null = null;
  private waiters: ((final: Final) => void)[] = [];

  constructor(readonly payload: { id: string; token: string; type: number; guild_id?: string; channel_id?: string }, user: StandInUser, name: string, messageId: string | null) {
    this.id = payload.id;
    this.token = payload.token;
    this.type = payload.type;
    this.user = user;
    this.name = name;
    this.originalMessageId = messageId;
  }

  markDispatched(): void {
    this.dispatchedAt = performance.now();
  }

  sinceDispatch(): number {
    return performance.now() - this.dispatchedAt;
  }

  /** ms between dispatch and the first callback (Discord fails the interaction after 3000). */
  get ackMs(): number | null {
    return this.callbacks[0]?.afterMs ?? null;
  }

  get acknowledged(): boolean {
    return this.callbacks.length > 0;
  }

  deliveryFailed(reason: string): void {
    this.failure = reason;
    this.settle({ kind: 'failed', reason });
  }

  /** ms between dispatch and the final answer (message, choices), once there is one. */
  answerMs: number | null = null;

  settle(final: Final): void {
    if (this.settled) return;
    this.settled = final;
    this.answerMs = this.sinceDispatch();
    for (const w of this.waiters.splice(0)) w(final);
  }

  /** The final answer as Discord would show it; rejects if none arrives within `timeoutMs`. */
  final(timeoutMs = 15_000): Promise<Final> {
    if (this.settled) return Promise.resolve(this.settled);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const seen = this.callbacks.map((c) => c.type).join(',') || 'none';
        reject(new Error(`No final reply to ${this.name} (interaction ${this.id}) within ${timeoutMs} ms; callbacks: ${seen}`));
      }, timeoutMs);
      this.waiters.push((final) => {
        clearTimeout(timer);
        resolve(final);
      });
    });
  }

  async reply(timeoutMs?: number): Promise<StoredMessage> {
    const final = await this.final(timeoutMs);
    if (final.kind !== 'message') throw new Error(`Interaction ${this.name} ended with ${final.kind}, not a message`);
    return final.message;
  }

  async choices(timeoutMs?: number): Promise<{ name: string; value: string | number }[]> {
    const final = await this.final(timeoutMs);
    if (final.kind !== 'choices') throw new Error(`Interaction ${this.name} ended with ${final.kind}, not autocomplete choices`);
    return final.choices;
  }
}
