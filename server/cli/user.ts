/** `npm run user -- add "Bu Sari"` and friends: manage users from a terminal, also while the server runs. */
import { configFromEnv, publicBaseUrl } from '../config';
import {
  addToWorkspace,
  addUser,
  type CreatedUser,
  createWorkspace,
  issueToken,
  listUsers,
  listWorkspaces,
  revokeTokens,
  signInLink,
} from './user-commands';

const USAGE = `Usage:
  npm run user -- add "Nama Anda"   create a user; prints their sign-in link and token
  npm run user -- token <user-id>   a new sign-in link for an existing user
  npm run user -- revoke <user-id>  every token of that user stops working now
  npm run user -- list              list users (tokens are never shown again)
  npm run user -- workspace create "SMPN 1 Kupang"        a workspace (a school's teacher community)
  npm run user -- workspace add <workspace-id> <user-id>  the user joins it
  npm run user -- workspace list                          list workspaces`;

function printSignIn(user: CreatedUser, baseUrl: string): void {
  console.log(`Token: ${user.token}`);
  console.log(`Sign-in link: ${signInLink(baseUrl, user.token)}`);
  console.log(`Valid until ${user.expiresAt}; the editor renews it while it is in use.`);
  console.log('Keep it secret: anyone with it can act as this user. It is shown only now.');
}

async function run(args: string[]): Promise<number> {
  const loaded = configFromEnv(process.env);
  if (!loaded.ok) {
    console.error(loaded.message);
    return 1;
  }
  const { config } = loaded;
  const options = {
    dataDir: config.dataDir,
    sqliteSynchronous: config.sqliteSynchronous,
    databaseUrl: config.databaseUrl,
    tokenSecret: config.tokenSecret,
    tokenTtlSeconds: config.tokenTtlSeconds,
  };
  const baseUrl = publicBaseUrl(config);
  const [command, ...rest] = args;

  if (command === 'add' && rest.length === 1) {
    const result = await addUser(options, rest[0] as string);
    if (!result.ok) {
      console.error(`Cannot create the user: ${result.message}`);
      return 2;
    }
    console.log(`Created user "${result.user.name}" (id ${result.user.id}).`);
    printSignIn(result.user, baseUrl);
    return 0;
  }

  if (command === 'token' && rest.length === 1) {
    const result = await issueToken(options, rest[0] as string);
    if (!result.ok) {
      console.error(`Cannot issue a token: ${result.message}`);
      return 2;
    }
    console.log(`New sign-in for "${result.user.name}" (id ${result.user.id}).`);
    printSignIn(result.user, baseUrl);
    return 0;
  }

  if (command === 'revoke' && rest.length === 1) {
    if (!(await revokeTokens(options, rest[0] as string))) {
      console.error(`No user with id ${rest[0]}`);
      return 2;
    }
    console.log(
      `Every token of ${rest[0]} issued until now is refused. Give them a new one: npm run user -- token ${rest[0]}`,
    );
    return 0;
  }

  if (command === 'list' && rest.length === 0) {
    const users = await listUsers(options);
    if (users.length === 0) console.log('No users yet. Create one with: npm run user -- add "Nama Anda"');
    for (const user of users) console.log(`${user.id}  ${user.createdAt}  ${user.name}`);
    return 0;
  }

  if (command === 'workspace') return workspaceCommand(options, rest);

  console.error(USAGE);
  return 2;
}

async function workspaceCommand(options: Parameters<typeof listWorkspaces>[0], args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'create' && rest.length === 1) {
    const result = await createWorkspace(options, rest[0] as string);
    if (!result.ok) {
      console.error(`Cannot create the workspace: ${result.message}`);
      return 2;
    }
    console.log(`Created workspace "${result.workspace.name}" (id ${result.workspace.id}).`);
    return 0;
  }
  if (sub === 'add' && rest.length === 2) {
    const [workspaceId, userId] = rest as [string, string];
    if (!(await addToWorkspace(options, workspaceId, userId))) {
      console.error(`No workspace ${workspaceId} or no user ${userId}`);
      return 2;
    }
    console.log(`User ${userId} belongs to workspace ${workspaceId}.`);
    return 0;
  }
  if (sub === 'list' && rest.length === 0) {
    for (const workspace of await listWorkspaces(options)) console.log(`${workspace.id}  ${workspace.name}`);
    return 0;
  }
  console.error(USAGE);
  return 2;
}

process.exitCode = await run(process.argv.slice(2));
