/**
 * Hears the server refuse this client's document updates (e.g. a commenter typing in the content).
 * The refusal travels as y-protocols' auth "permission denied" message, its reason a WriteRefusal
 * (shared/protocol/write-refusal.ts). The stock provider only logs that message, so we replace its
 * handler for the message type; the connection stays open and presence keeps working. The same
 * message also tells of a role the owner raised (RoleRaised), so the editor can unlock at once.
 */
import * as authProtocol from 'y-protocols/auth';
import { messageAuth, type WebsocketProvider } from 'y-websocket';
import {
  decodeRoleRaised,
  decodeWriteRefusal,
  type RoleRaised,
  type WriteRefusal,
} from '../../shared/protocol/write-refusal';

export function listenForWriteRefusals(
  provider: Pick<WebsocketProvider, 'messageHandlers'>,
  onRefusal: (refusal: WriteRefusal) => void,
  onRoleRaised: (notice: RoleRaised) => void = () => {},
): void {
  provider.messageHandlers[messageAuth] = (_encoder, decoder, current) => {
    authProtocol.readAuthMessage(decoder, current.doc, (_doc: unknown, reason: string) => {
      const refusal = decodeWriteRefusal(reason);
      const raised = refusal ? null : decodeRoleRaised(reason);
      // Another server (or a newer one) may deny for reasons we do not know: say so, as the stock client does.
      if (refusal) onRefusal(refusal);
      else if (raised) onRoleRaised(raised);
      else console.warn(`dampingi: permission denied by ${current.url}`, reason);
    });
  };
}
