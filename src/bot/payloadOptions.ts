// Options read from a raw interaction payload (HTTP mode) or rebuilt from a page button. Commands get
// their arguments from the dispatcher (argumentsOf in commandContract.ts, typed from each command's
// definition); this class only carries the list as sent, and the focused value for autocomplete.
import type { CommandOptions, OptionData } from './commandContract.js';

export class PayloadOptions implements CommandOptions {
  constructor(readonly data: readonly OptionData[]) {}

  /** The value being typed into an autocomplete option. */
  getFocused = (): string | number => {
    const focused = this.data.find((o) => o.focused);
    if (!focused) throw new TypeError('No focused option for autocomplete.');
    return focused.value as string | number;
  };
}
