/**
 * After the server refused our changes, the local copy still holds them: IndexedDB would load them
 * again and the provider would send them on every reconnect, to be refused every time. This keeps
 * their text for the user, closes the draft and deletes its local copy, so the next connection
 * starts from what the server has.
 */
import { clearDocument } from 'y-indexeddb';
import type * as Y from 'yjs';
import { draftFragment, draftPlainText } from '../../shared/model/draft-doc';
import type { DraftConnection } from './draft-connection';

/** Resolves with the plain text of the discarded local version, once its database is gone. */
export async function discardLocalCopy(connection: DraftConnection): Promise<string> {
  const text = textOf(connection.doc);
  const databaseName = connection.persistence.name;
  connection.destroy();
  // The closed database may still be open in another tab: lib0 closes it there on `versionchange`.
  await clearDocument(databaseName);
  return text;
}

function textOf(doc: Y.Doc): string {
  try {
    return draftPlainText(doc);
  } catch (error) {
    // Content the schema cannot read is still the user's work: hand it over as raw markup.
    console.error('dampingi: could not read the refused draft as text', error);
    return draftFragment(doc).toString();
  }
}
