/**
 * `npm run user -- add "Bu Sari"` and friends: accounts from a terminal, for automation and
 * recovery (people are normally invited from the admin page), also while the server runs.
 */
import { configFromEnv, publicBaseUrl } from '../config';
import {
  addToWorkspace,
  addUser,
  type CreatedUser,
  createWorkspace,
  issueLink,
  issueToken,
  listUsers,
  listWorkspaces,
  makeAdmin,
  revokeTokens,
  type SignInLink,
  signInLink,
} from './user-commands';

const USAGE = `Usage (for automation and recovery; people are invited from the admin page):
  npm run user -- add "Nama Anda" [--email alamat@sekolah.sch.id] [--admin] [--token]
                                    create an account; prints a one-time sign-in link
                                    (--token: and a bearer token for scripts)
  npm run user -- link <user-id>    a new one-time sign-in link for an existing account
  npm run user -- token <user-id>   a bearer token for scripts (Authorization: Bearer …)
  npm run user -- admin <user-id>   make the account an administrator
  npm run user -- revoke <user-id>  every session and token of that account ends now
  npm run user -- list              list accounts
  npm run user -- workspace create "SMPN 1 Kupang"        a workspace (a school's teacher community)
  npm run user -- workspace add <workspace-id> <user-id>  the user joins it
  npm run user -- workspace list                          list workspaces`;

function printLink(link: SignInLink, baseUrl: string): void {
  console.log(`Sign-in link: ${signInLink(baseUrl, link.secret)}`);
  console.log(`It works once, until ${link.expiresAt}; the browser then stays signed in.`);
  console.log('Give it only to this person: whoever opens it first is signed in as them.');
}

function printToken(user: CreatedUser): void {
  console.log(`Token: ${user.token}`);
  console.log(`Valid until ${user.expiresAt}. For scripts: Authorization: Bearer <token>. Shown only now.`);
}

/** `add "Name" --email a@b --admin`: the name and the flags, or null when they do not parse. */
function addArguments(
  args: string[],
): { name: string; email: string | null; isAdmin: boolean; withToken: boolean } | null {
  let name: string | null = null;
  let email: string | null = null;
  let isAdmin = false;
  let withToken = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === '--admin') isAdmin = true;
    else if (arg === '--token') withToken = true;
    else if (arg === '--email' && args[index + 1]) email = args[++index] as string;
    else if (name === null && !arg.startsWith('--')) name = arg;
    else return null;
  }
  return name === null ? null : { name, email, isAdmin, withToken };
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
  const baseUrl = config.signIn.publicUrl ?? publicBaseUrl(config);
  const [command, ...rest] = args;

  const add = command === 'add' ? addArguments(rest) : null;
  if (add) {
    const result = await addUser(options, add.name, { email: add.email, isAdmin: add.isAdmin });
    if (!result.ok) {
      console.error(`Cannot create the user: ${result.message}`);
      return 2;
    }
    console.log(`Created user "${result.user.name}" (id ${result.user.id})${add.isAdmin ? ', an administrator' : ''}.`);
    printLink(result.link, baseUrl);
    if (add.withToken) printToken(result.user);
    return 0;
  }

  if (command === 'link' && rest.length === 1) {
    const result = await issueLink(options, rest[0] as string);
    if (!result.ok) {
      console.error(`Cannot make a link: ${result.message}`);
      return 2;
    }
    console.log(`New sign-in link for "${result.link.name}" (id ${result.link.id}).`);
    printLink(result.link, baseUrl);
    return 0;
  }

  if (command === 'token' && rest.length === 1) {
    const result = await issueToken(options, rest[0] as string);
    if (!result.ok) {
      console.error(`Cannot issue a token: ${result.message}`);
      return 2;
    }
    console.log(`New token for "${result.user.name}" (id ${result.user.id}).`);
    printToken(result.user);
    return 0;
  }

  if (command === 'admin' && rest.length === 1) {
    if (!(await makeAdmin(options, rest[0] as string))) {
      console.error(`No account with id ${rest[0]} (guests cannot be administrators)`);
      return 2;
    }
    console.log(`${rest[0]} is an administrator: the admin page is in the web app's menu.`);
    return 0;
  }

  if (command === 'revoke' && rest.length === 1) {
    if (!(await revokeTokens(options, rest[0] as string))) {
      console.error(`No user with id ${rest[0]}`);
      return 2;
    }
    console.log(
      `Every session and token of ${rest[0]} has ended. Give them a new way in: npm run user -- link ${rest[0]}`,
    );
    return 0;
  }

  if (command === 'list' && rest.length === 0) {
    const users = await listUsers(options);
    if (users.length === 0)
      console.log('No users yet. Open the web app and set it up with the code in the server log.');
    for (const user of users) {
      const flags = [user.isAdmin && 'admin', user.guest && 'guest', user.suspendedAt && 'suspended'].filter(Boolean);
      console.log(`${user.id}  ${user.createdAt}  ${user.name}  ${user.email ?? ''}  ${flags.join(',')}`.trimEnd());
    }
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
