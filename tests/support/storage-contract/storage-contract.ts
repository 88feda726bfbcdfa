/**
 * The behaviour every Storage implementation must have, as vitest tests: SQLite and PostgreSQL each
 * call `describeStorageContract` with a way to open a fresh, empty store.
 */
import { afterEach } from 'vitest';
import type { Storage } from '../../../server/storage/storage';
import { describeAccessContract } from './access-contract';
import { describeAccountContract } from './account-contract';
import { describeCycleContract } from './cycle-contract';
import { describeDocumentContract } from './document-contract';
import { describeInboxContract } from './inbox-contract';
import { describeSessionContract } from './session-contract';
import { describeVersionContract } from './version-contract';

export interface StorageFixture {
  storage: Storage;
  /** A second, independent Storage on the same data (another process, the CLI, or a restart). */
  openAgain(): Promise<Storage>;
  /** Closes every Storage opened here and removes the data. */
  cleanup(): Promise<void>;
}

export interface OpenStorageOptions {
  /** ISO 8601 clock, pinned by some tests. */
  now?: () => string;
}

export type OpenStorage = (options?: OpenStorageOptions) => Promise<StorageFixture>;

/** What each part of the contract gets: fresh stores, closed and removed after every test. */
export interface ContractContext {
  name: string;
  openFixture(options?: OpenStorageOptions): Promise<StorageFixture>;
  openStorage(options?: OpenStorageOptions): Promise<Storage>;
}

export function describeStorageContract(name: string, open: OpenStorage): void {
  const fixtures: StorageFixture[] = [];
  afterEach(async () => {
    for (const fixture of fixtures.splice(0)) await fixture.cleanup();
  });
  async function openFixture(options?: OpenStorageOptions): Promise<StorageFixture> {
    const fixture = await open(options);
    fixtures.push(fixture);
    return fixture;
  }
  const context: ContractContext = {
    name,
    openFixture,
    openStorage: async (options) => (await openFixture(options)).storage,
  };
  describeDocumentContract(context);
  describeAccessContract(context);
  describeSessionContract(context);
  describeAccountContract(context);
  describeCycleContract(context);
  describeVersionContract(context);
  describeInboxContract(context);
}
