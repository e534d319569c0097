// A page button press seen as the command it came from, so the command's own response function
// rebuilds the page: "defer" becomes "defer the update of the clicked message" and the reply edits
// that message in place. Works the same for gateway and HTTP presses.
import type { ButtonPress, CommandInteraction, EphemeralBody, MessageBody } from './commandContract.js';
import type { PageQuery } from './pageButtons.js';
import { PayloadOptions } from './payloadOptions.js';

export class ReplayInteraction implements CommandInteraction {
  readonly options: PayloadOptions;
  readonly commandName: string;
  readonly ephemeral = null;

  constructor(
    private readonly press: ButtonPress,
    query: PageQuery,
    readonly page: number,
  ) {
    this.commandName = query.command;
    this.options = new PayloadOptions(query.options);
  }

  get id(): string {
    return this.press.id;
  }

  get user(): { id: string } {
    return this.press.user;
  }

  get deferred(): boolean {
    return this.press.deferred;
  }

  // Who is clicking, for commands that show more to some members (/coverage, /add): as the press has it.
  get memberPermissions(): ButtonPress['memberPermissions'] {
    return this.press.memberPermissions;
  }

  get member(): ButtonPress['member'] {
    return this.press.member;
  }

  get guild(): ButtonPress['guild'] {
    return this.press.guild;
  }

  get replied(): boolean {
    return this.press.replied;
  }

  /** The clicked message keeps its visibility; whether to hide was settled when it was sent. */
  deferReply = (): Promise<unknown> => this.press.deferUpdate();

  editReply = (body: MessageBody): Promise<unknown> => this.press.editReply(body);

  /** A command answering without deferring: change the clicked message as the acknowledgement. */
  reply = (body: MessageBody): Promise<unknown> => this.press.update(body);

  followUp = (body: EphemeralBody): Promise<unknown> => this.press.followUp(body);

  /** Nothing to delete: the message belongs to the original command. */
  deleteReply = async (): Promise<void> => {};
}
