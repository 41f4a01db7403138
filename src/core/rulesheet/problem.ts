import * as z from 'zod';
import { type Bilingual, t } from '../messages';

/** Something wrong in the rules, where it is, what is wrong and how to fix it. */
export const RuleProblemSchema = z.object({
  sheet: z.string(),
  /** A1 cell on a rules sheet; for a pack file, the place in the pack ("rules[3].when[0]"). */
  cell: z.string(),
  message: z.string(),
  messageEn: z.string(),
});
export type RuleProblem = z.infer<typeof RuleProblemSchema>;

/** The params that end a message with "did you mean …?" in both languages, or nothing. */
export function suggestion(near: string | undefined): { suggestion: string; suggestionEn: string } {
  return near ? { suggestion: t('rsSuggest', { label: near }), suggestionEn: t('rsSuggest', { label: near }, 'en') } : { suggestion: '', suggestionEn: '' };
}

/** One line per problem, as the CLI prints it and as a note shows it: 考评规则!E7：… */
export function problemLine(p: RuleProblem, lang: 'zh' | 'en' = 'zh'): string {
  const at = /^[A-Z]+\d+$/.test(p.cell) ? `${p.sheet}!${p.cell}` : p.cell ? `${p.sheet} ${p.cell}` : p.sheet;
  return lang === 'zh' ? `${at}：${p.message}` : `${at}: ${p.messageEn}`;
}

export function problemAt(sheet: string, cell: string, message: Bilingual): RuleProblem {
  return { sheet, cell, message: message.message, messageEn: message.messageEn };
}
