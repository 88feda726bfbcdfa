/** `npm run user -- add "Bu Sari"` / `npm run user -- list`: manage users from a terminal, also while the server runs. */
import { configFromEnv, publicBaseUrl } from '../config';
import { addUser, listUsers, signInLink } from './user-commands';

const USAGE = `Usage:
  npm run user -- add "Nama Anda"   create a user; prints their token and sign-in link
  npm run user -- list              list users (tokens are never shown again)`;

async function run(args: string[]): Promise<number> {
  const loaded = configFromEnv(process.env);
  if (!loaded.ok) {
    console.error(loaded.message);
    return 1;
  }
  const { config } = loaded;
  const options = { dataDir: config.dataDir, sqliteSynchronous: config.sqliteSynchronous };
  const [command, ...rest] = args;

  if (command === 'add' && rest.length === 1) {
    const result = await addUser(options, rest[0] as string);
    if (!result.ok) {
      console.error(`Cannot create the user: ${result.message}`);
      return 2;
    }
    const { user } = result;
    console.log(`Created user "${user.name}" (id ${user.id}).`);
    console.log(`Token: ${user.token}`);
    console.log(`Sign-in link: ${signInLink(publicBaseUrl(config), user.token)}`);
    console.log('Keep the token secret: it is shown only now, the server stores only its hash.');
    return 0;
  }

  if (command === 'list' && rest.length === 0) {
    const users = await listUsers(options);
    if (users.length === 0) console.log('No users yet. Create one with: npm run user -- add "Nama Anda"');
    for (const user of users) console.log(`${user.id}  ${user.createdAt}  ${user.name}`);
    return 0;
  }

  console.error(USAGE);
  return 2;
}

process.exitCode = await run(process.argv.slice(2));
