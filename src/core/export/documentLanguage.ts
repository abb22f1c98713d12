import { frontMatterField } from '../markdown/frontMatter';

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

/** The page's `lang`: front matter `lang:` when it is a language tag, else "en" (as pandoc does). */
export function documentLanguage(text: string): string {
  const lang = frontMatterField(text, 'lang') ?? frontMatterField(text, 'language');
  return lang && LANGUAGE_TAG.test(lang) ? lang : 'en';
}
