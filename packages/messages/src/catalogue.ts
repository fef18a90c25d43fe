import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import type { Locale } from "./locale.js";

/** What a message may be given: text and numbers (dates are formatted before, as periods are). */
export type Params = Record<string, string | number>;

/**
 * One message in both languages, written in ICU MessageFormat (`{count, plural, other {# 行}}`,
 * `{amount, number}`), so plurals and number formats come from the platform's CLDR data, not
 * from code. `P` names the parameters both texts take; a test checks that they use the same ones.
 */
export interface Message<P extends Params = Record<never, never>> {
  readonly zh: string;
  readonly en: string;
  /** Only carries the parameters' type. */
  readonly params?: P;
}

/** A message in both languages; `P` are its parameters, e.g. `msg<{ region: string }>("{region}总览", "{region}: overview")`. */
export function msg<P extends Params = Record<never, never>>(zh: string, en: string): Message<P> {
  return { zh, en };
}

/** A tree of messages, grouped as the screens group them. */
export interface Catalogue {
  readonly [key: string]: Message<never> | Message<Params> | Catalogue;
}

/** A catalogue in one language: a message without parameters is its text, one with parameters a function. */
export type Localized<C> = {
  readonly [K in keyof C]: C[K] extends Message<infer P>
    ? keyof P extends never
      ? string
      : (params: P) => string
    : Localized<C[K]>;
};

const formats = new Map<string, IntlMessageFormat>();

/** Formats one ICU text in a language; compiled once per text and language. */
export function formatMessage(locale: Locale, text: string, params?: Params): string {
  const key = `${locale}\u0000${text}`;
  let format = formats.get(key);
  if (!format) {
    format = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
    formats.set(key, format);
  }
  return String(format.format(params));
}

function isMessage(value: unknown): value is Message<Params> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Message).zh === "string" &&
    typeof (value as Message).en === "string"
  );
}

/** The catalogue in one language, ready for screens: texts as strings, messages with parameters as functions. */
export function localize<C extends Catalogue>(catalogue: C, locale: Locale): Localized<C> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(catalogue)) {
    if (isMessage(value)) {
      const text = locale === "en" ? value.en : value.zh;
      out[key] =
        parameterNames(text).size === 0 ? formatMessage(locale, text) : (params: Params) => formatMessage(locale, text, params);
    } else out[key] = localize(value as Catalogue, locale);
  }
  return out as Localized<C>;
}

/** The names of the parameters an ICU text uses, also inside plural and select branches. */
export function parameterNames(text: string): Set<string> {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      names.add(element.value);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        for (const option of Object.values(element.options)) walk(option.value);
      }
      if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(text, { ignoreTag: true }));
  return names;
}

/**
 * What is wrong with a catalogue: a message missing a language, failing to parse, or using a
 * parameter the other language does not. Each package's tests run this over its catalogues.
 */
export function catalogueProblems(catalogue: Catalogue, path = ""): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(catalogue)) {
    const where = path ? `${path}.${key}` : key;
    if (!isMessage(value)) {
      if (typeof value !== "object" || value === null) problems.push(`${where}: not a message (use msg(zh, en))`);
      else problems.push(...catalogueProblems(value as Catalogue, where));
      continue;
    }
    if (!value.zh.trim()) problems.push(`${where}: no Chinese text`);
    if (!value.en.trim()) problems.push(`${where}: no English text`);
    // Latin letters in the Chinese text are allowed only inside {parameters} and for units and codes like 12位.
    let zhNames: Set<string>;
    let enNames: Set<string>;
    try {
      zhNames = parameterNames(value.zh);
      enNames = parameterNames(value.en);
    } catch (error) {
      problems.push(`${where}: not valid ICU MessageFormat (${(error as Error).message})`);
      continue;
    }
    const onlyZh = [...zhNames].filter((name) => !enNames.has(name));
    const onlyEn = [...enNames].filter((name) => !zhNames.has(name));
    if (onlyZh.length) problems.push(`${where}: the Chinese text uses {${onlyZh.join("}, {")}}, the English does not`);
    if (onlyEn.length) problems.push(`${where}: the English text uses {${onlyEn.join("}, {")}}, the Chinese does not`);
  }
  return problems;
}

/**
 * English words on a Chinese screen: each message's Chinese text said with every parameter as a
 * number (plurals and numbers take it, selects fall to their "other" branch), then searched for
 * Latin words of four letters or more that are not in `allowed` (names of products and formats).
 */
export function englishInChinese(catalogue: Catalogue, allowed: readonly string[], path = ""): string[] {
  const found: string[] = [];
  for (const [key, value] of Object.entries(catalogue)) {
    const where = path ? `${path}.${key}` : key;
    if (!isMessage(value)) {
      found.push(...englishInChinese(value as Catalogue, allowed, where));
      continue;
    }
    const params = Object.fromEntries([...parameterNames(value.zh)].map((name) => [name, 2]));
    const words =
      formatMessage("zh-CN", value.zh, params)
        .match(/[A-Za-z]{4,}/g)
        ?.filter((word) => !allowed.includes(word)) ?? [];
    if (words.length) found.push(`${where}: ${words.join(" ")}`);
  }
  return found;
}
