import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describeUnknownId, displayPath } from '../content-errors.ts';
import { createAliaser, replaceNames } from '../initials.ts';
import { nameVariants } from '../lint/language.ts';
import { escapeMdx } from '../mdx-escape.ts';
import { guessTimelineKind } from '../timeline-kind.ts';
import { toUtcTimestamp } from '../timestamps.ts';
import { readJsonFile } from './read-json.ts';
import { ImportError, type ImportedEntry, type ImportResult } from './types.ts';

/** A user in `users.json`. */
export interface SlackUser {
  id: string;
  name?: string;
  real_name?: string;
  is_bot?: boolean;
  profile?: { real_name?: string; display_name?: string };
}

/** A channel in `channels.json` (or `groups.json` for private channels). */
export interface SlackChannel {
  id: string;
  name: string;
  topic?: { value?: string };
  purpose?: { value?: string };
  pins?: { id?: string }[];
}

/** A message in `<channel>/<YYYY-MM-DD>.json`. */
export interface SlackMessage {
  ts: string;
  type?: string;
  subtype?: string;
  user?: string;
  username?: string;
  bot_profile?: { name?: string };
  text?: string;
  user_profile?: { real_name?: string };
  reactions?: { name: string; count?: number }[];
  pinned_to?: string[];
  files?: { name?: string; title?: string }[];
}

/** One channel of a Slack export, read from disk. */
export interface SlackChannelExport {
  channel: SlackChannel;
  users: SlackUser[];
  messages: SlackMessage[];
}

/** Reads a channel's messages from a Slack export folder (`channels.json`, `users.json`, `<channel>/*.json`). */
export function readSlackExport(dir: string, channelName: string): SlackChannelExport {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new ImportError(`${displayPath(dir)} is not a folder (expected an unzipped Slack export)`);
  const name = channelName.replace(/^#/, '');
  const channels: SlackChannel[] = [];
  for (const file of ['channels.json', 'groups.json']) {
    if (!existsSync(join(dir, file))) continue;
    const list = readJsonFile(join(dir, file));
    if (!Array.isArray(list)) throw new ImportError(`${displayPath(join(dir, file))} should hold a list of channels`);
    channels.push(...(list as SlackChannel[]).filter((c) => c && typeof c.name === 'string'));
  }
  if (channels.length === 0 && !existsSync(join(dir, 'channels.json'))) {
    throw new ImportError(`${displayPath(dir)} has no channels.json: is it an unzipped Slack export?`);
  }
  const channel = channels.find((c) => c.name === name);
  if (!channel)
    throw new ImportError(
      `--channel ${describeUnknownId(
        name,
        'a channel in the export',
        channels.map((c) => c.name),
      )}`,
    );
  const usersFile = join(dir, 'users.json');
  const users = existsSync(usersFile) ? readJsonFile(usersFile) : [];
  if (!Array.isArray(users)) throw new ImportError(`${displayPath(usersFile)} should hold a list of users`);
  const channelDir = join(dir, name);
  if (!existsSync(channelDir))
    throw new ImportError(`${displayPath(channelDir)} does not exist: the export has no messages for #${name}`);
  const messages: SlackMessage[] = [];
  for (const file of readdirSync(channelDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const day = readJsonFile(join(channelDir, file));
    if (!Array.isArray(day))
      throw new ImportError(`${displayPath(join(channelDir, file))} should hold a list of messages`);
    for (const [index, message] of day.entries()) {
      if (!message || typeof message !== 'object' || typeof (message as SlackMessage).ts !== 'string') {
        throw new ImportError(`${displayPath(join(channelDir, file))}: message ${index} has no "ts" timestamp`);
      }
      messages.push(message as SlackMessage);
    }
  }
  return { channel, users: users as SlackUser[], messages };
}

/** Which messages become timeline entries. */
export type SlackSelection = 'marked' | 'pinned' | 'reacted' | 'all';

/** How to import a Slack channel. */
export interface SlackImportOptions {
  from?: Date;
  to?: Date;
  /** `marked` (the default) = pinned or reacted-to. */
  select: SlackSelection;
  /** Only this reaction counts as "reacted" (e.g. `pushpin`). */
  reaction?: string;
  keepNames: boolean;
  /** `https://acme.slack.com`: entries link to their message. */
  workspaceUrl?: string;
}

/** Message subtypes that are channel housekeeping, not conversation. */
const HOUSEKEEPING =
  /^(channel_|group_)(join|leave|topic|purpose|name|archive|unarchive)$|^(pinned_item|unpinned_item|bot_add|bot_remove|reminder_add|tombstone|joiner_notification)$/;
/** Longest event text; longer messages are cut there and kept in full in the body. */
const MAX_EVENT = 280;

/** A channel's messages as timeline entries; long messages also go to the body in full. */
export function importSlack(data: SlackChannelExport, options: SlackImportOptions): ImportResult {
  const notes: string[] = [];
  const usersById = new Map(data.users.map((u) => [u.id, u]));
  const realName = (user: SlackUser | undefined) => user?.profile?.real_name || user?.real_name || user?.name || '';
  const alias = createAliaser();
  /** The name shown for a user id: initials unless --keep-names; bots keep their names. */
  const display = (id: string | undefined, nameInMessage?: string) => {
    const user = id ? usersById.get(id) : undefined;
    const name = realName(user) || nameInMessage;
    if (!name) return 'someone';
    if (options.keepNames || user?.is_bot) return name;
    return alias(id ?? name, name);
  };
  // Plain-text mentions of people ("Alex Kim says…") are replaced too, unless names are kept.
  const aliases = new Map<string, string>();
  if (!options.keepNames) {
    for (const user of data.users) {
      if (user.is_bot || !realName(user)) continue;
      for (const name of nameVariants([realName(user)])) aliases.set(name, display(user.id));
    }
  }
  const channelNames = new Map<string, string>([[data.channel.id, data.channel.name]]);

  let housekeeping = 0;
  let unselected = 0;
  let outside = 0;
  const entries: ImportedEntry[] = [];
  const full: string[] = [];
  const messages = [...data.messages].sort((a, b) => Number(a.ts) - Number(b.ts));
  for (const message of messages) {
    if (message.subtype && HOUSEKEEPING.test(message.subtype)) {
      housekeeping += 1;
      continue;
    }
    const at = new Date(Math.floor(Number(message.ts)) * 1000);
    if (Number.isNaN(at.getTime())) throw new ImportError(`message ts "${message.ts}" is not a Slack timestamp`);
    if ((options.from && at < options.from) || (options.to && at > options.to)) {
      outside += 1;
      continue;
    }
    if (!isSelected(message, data.channel, options)) {
      unselected += 1;
      continue;
    }
    const isBot = message.subtype === 'bot_message' || (message.user ? usersById.get(message.user)?.is_bot : false);
    const actor = isBot
      ? message.username || message.bot_profile?.name || 'bot'
      : display(message.user, message.user_profile?.real_name);
    let text = slackToText(message.text ?? '', (id) => `@${display(id)}`, channelNames);
    if (!options.keepNames) text = replaceNames(text, aliases);
    const files = (message.files ?? []).map((f) => f.title || f.name).filter(Boolean);
    if (files.length > 0) text = `${text}${text ? ' ' : ''}[file: ${files.join(', ')}]`;
    const oneLine = text.replace(/\s+/g, ' ').trim() || '(empty message)';
    const event = shorten(oneLine, MAX_EVENT);
    if (event !== oneLine || /```/.test(text)) {
      full.push(
        `### ${toUtcTimestamp(at)
          .replace('T', ' ')
          .replace(/:00Z$|Z$/, '')} UTC, ${actor}\n\n${text.trim()}`,
      );
    }
    const link = options.workspaceUrl
      ? `${options.workspaceUrl.replace(/\/+$/, '')}/archives/${data.channel.id}/p${message.ts.replace('.', '')}`
      : undefined;
    entries.push({ at, event, kind: guessTimelineKind(oneLine, 'observation'), actor, ...(link ? { link } : {}) });
  }

  notes.push(`#${data.channel.name}: ${entries.length} message(s) imported (${describeSelection(options)})`);
  if (unselected > 0)
    notes.push(
      `${unselected} message(s) were not ${options.select === 'all' ? 'in range' : 'pinned or reacted to'} and were skipped${options.select !== 'all' ? ' (use --select all to import every message)' : ''}`,
    );
  if (outside > 0) notes.push(`${outside} message(s) outside --from/--to were skipped`);
  if (housekeeping > 0)
    notes.push(`${housekeeping} channel housekeeping message(s) (joins, pins, topic changes) were skipped`);
  if (full.length > 0)
    notes.push(`${full.length} long message(s) were shortened in the timeline and kept in full in the body`);
  if (entries.length > 0) notes.push('timeline kinds were guessed from keywords; check them');
  if (!options.keepNames) notes.push('people are written as initials (use --keep-names to keep names)');

  const topic = data.channel.topic?.value
    ? slackToText(data.channel.topic.value, (id) => `@${display(id)}`, channelNames)
    : undefined;
  const title = topic?.split('|')[0]?.trim();
  return {
    fields: { ...(title ? { title } : {}), ...(entries[0] ? { started: entries[0].at } : {}) },
    timeline: entries,
    body: full.length > 0 ? escapeMdx(`## Slack messages in full\n\n${full.join('\n\n')}`) : '',
    notes: entries[0]
      ? [...notes, 'started was set to the first imported message; impact may have begun earlier (pass --started)']
      : notes,
  };
}

/** `text` cut at a word boundary to at most `max` characters, with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

function isSelected(message: SlackMessage, channel: SlackChannel, options: SlackImportOptions): boolean {
  if (options.select === 'all') return true;
  const pinned = (message.pinned_to?.length ?? 0) > 0 || (channel.pins ?? []).some((p) => p.id === message.ts);
  const reacted = (message.reactions ?? []).some(
    (r) => !options.reaction || r.name === options.reaction.replace(/^:|:$/g, ''),
  );
  if (options.select === 'pinned') return pinned;
  if (options.select === 'reacted') return reacted;
  return pinned || reacted;
}

function describeSelection(options: SlackImportOptions): string {
  const reaction = options.reaction ? ` with :${options.reaction.replace(/^:|:$/g, '')}:` : '';
  return {
    marked: `pinned or reacted to${reaction}`,
    pinned: 'pinned',
    reacted: `reacted to${reaction}`,
    all: 'all messages',
  }[options.select];
}

/**
 * Slack's message markup as plain text: `<@U1>` mentions, `<#C1|name>` channels, `<url|label>` links,
 * `<!here>`, and the `&lt; &gt; &amp;` escapes Slack writes in exports.
 */
export function slackToText(
  text: string,
  mention: (userId: string) => string,
  channels: ReadonlyMap<string, string>,
): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, (_, id: string) => mention(id))
    .replace(/<#([A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, name?: string) => `#${name || channels.get(id) || id}`)
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_, name?: string) => name || '@team')
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<!([a-z]+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, (_, url: string, label: string) =>
      label === url || `mailto:${label}` === url ? label : `${label} (${url})`,
    )
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
