// Options read from a raw interaction payload (HTTP mode) or rebuilt from a page button, with the
// same contract as discord.js's resolver: a wrong type or a missing required option throws.
import type { CommandOptions, OptionData } from './context.js';

const STRING = 3;
const INTEGER = 4;
const BOOLEAN = 5;
const NUMBER = 10;

export class PayloadOptions implements CommandOptions {
  constructor(readonly data: readonly OptionData[]) {}

  private typed(name: string, type: number, required: boolean | undefined): OptionData | null {
    const option = this.data.find((o) => o.name === name);
    if (!option) {
      if (required) throw new TypeError(`Required option "${name}" not found.`);
      return null;
    }
    if (option.type !== type) throw new TypeError(`Option "${name}" is of type ${option.type}; expected ${type}.`);
    if (option.value === undefined) {
      if (required) throw new TypeError(`Required option "${name}" has no value.`);
      return null;
    }
    return option;
  }

  getString(name: string, required: true): string;
  getString(name: string, required?: boolean): string | null;
  getString(name: string, required?: boolean): string | null {
    return (this.typed(name, STRING, required)?.value as string | undefined) ?? null;
  }

  getBoolean(name: string, required: true): boolean;
  getBoolean(name: string, required?: boolean): boolean | null;
  getBoolean(name: string, required?: boolean): boolean | null {
    return (this.typed(name, BOOLEAN, required)?.value as boolean | undefined) ?? null;
  }

  getInteger(name: string, required: true): number;
  getInteger(name: string, required?: boolean): number | null;
  getInteger(name: string, required?: boolean): number | null {
    return (this.typed(name, INTEGER, required)?.value as number | undefined) ?? null;
  }

  getNumber(name: string, required: true): number;
  getNumber(name: string, required?: boolean): number | null;
  getNumber(name: string, required?: boolean): number | null {
    return (this.typed(name, NUMBER, required)?.value as number | undefined) ?? null;
  }

  /** The value being typed into an autocomplete option. */
  getFocused(): string | number {
    const focused = this.data.find((o) => o.focused);
    if (!focused) throw new TypeError('No focused option for autocomplete.');
    return focused.value as string | number;
  }
}
