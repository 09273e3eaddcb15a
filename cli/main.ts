import { Command, CommanderError } from 'commander';
import { ATELIER_VERSION } from '../shared/version.js';
import { chat } from './chat.js';
import { exportImages, getImage, listGallery, removeImage, restoreImage } from './gallery.js';
import { generate } from './generate.js';
import { login } from './login.js';
import { CliError, createOutput, EXIT, type Output } from './output.js';

/**
 * `atelier`: the command-line client (README, "The command line"). Built on the SDK (client/);
 * commander parses, cli-progress draws the bar. `--json` on every command for scripts; the exit
 * codes are in output.ts.
 */

const env = process.env;
const program = new Command('atelier')
  .description('Talk to an Atelier from the terminal: sign in, make images, chat, manage the gallery.')
  .version(ATELIER_VERSION)
  .option('--json', 'print one JSON document on stdout instead of lines for people')
  .showHelpAfterError()
  .exitOverride();

const output = (): Output => createOutput(program.opts<{ json?: boolean }>().json === true);

program
  .command('login')
  .description('sign in (email + ATELIER_PASSWORD or a prompt), or keep an API key; saved in your config directory')
  .option('--url <url>', 'the Atelier to use (default ATELIER_URL, the saved one, or http://localhost:9999)')
  .option('--email <email>', 'your account')
  .option('--token <key>', 'an API key (atl_…) or access token to keep instead of signing in')
  .action((options) => login(options, output(), env));

program
  .command('generate')
  .description('make an image from a prompt, following its progress, and save it')
  .argument('<prompt>', 'what to make')
  .option('--size <WxH>', 'the image size, such as 1024x576')
  .option('--out <file>', 'where to save it (.png, .jpg or .webp); default {image id}.png here')
  .option('--n <count>', 'how many variations (1–4); the others are saved beside --out, numbered')
  .option('--seed <seed>', 'a seed, to make the same image again')
  .action((prompt: string, options) => generate(prompt, options, output(), env));

program
  .command('chat')
  .description('a conversation: each line a message, images saved as they come')
  .option('--dir <dir>', 'where to save the images (default here)')
  .option('--session <id>', 'go on with an earlier session')
  .action((options) => chat(options, output(), env));

const gallery = program.command('gallery').description('your gallery');
gallery
  .command('ls')
  .description('list your images, newest first')
  .option('--q <words>', 'only those whose prompt has these words')
  .option('--limit <n>', 'how many')
  .option('--trash', 'list the trash instead')
  .action((options) => listGallery(options, output(), env));
gallery
  .command('get')
  .argument('<id>')
  .description("show an image's details; --out saves its file")
  .option('--out <file>', 'save the image here')
  .action((id: string, options) => getImage(id, options, output(), env));
gallery
  .command('rm')
  .argument('<id>')
  .description('move an image to the trash (--permanent: delete it for good)')
  .option('--permanent', 'delete it for good, file included')
  .action((id: string, options) => removeImage(id, options, output(), env));
gallery
  .command('restore')
  .argument('<id>')
  .description('take an image out of the trash')
  .action((id: string) => restoreImage(id, output(), env));
gallery
  .command('export')
  .argument('[ids...]', 'the images (or --q)')
  .description('export images as png, jpg, webp, pdf or zip and save the file')
  .option('--format <format>', 'png, jpg, webp, pdf or zip', 'zip')
  .option('--q <words>', 'export what this search finds')
  .option('--out <file>', 'where to save it')
  .action((ids: string[], options) => exportImages(ids, options, output(), env));

try {
  await program.parseAsync(process.argv);
  process.exitCode = EXIT.ok;
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end here too, successfully.
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (error instanceof CliError) {
    if (program.opts<{ json?: boolean }>().json) process.stdout.write(`${JSON.stringify({ error: { message: error.message, details: error.details ?? null } }, null, 2)}\n`);
    process.stderr.write(`atelier: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`atelier: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = EXIT.failed;
  }
}
// Nothing of the client's (a socket, a keep-alive connection) keeps the process waiting.
process.exit(process.exitCode);
