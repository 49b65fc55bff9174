/**
 * publication.yaml, as a schema: every field described, defaults in one place.
 */
import * as z from 'zod'
import { isRealDate } from '../util/dates.ts'

const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as "fr" or "zh-Hans"')

export const pageSizes = ['A4', 'Letter', 'A5'] as const
export type PageSize = (typeof pageSizes)[number]

export const publicationSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and hyphens')
      .describe('Folder and file name of the publication, e.g. "wuzhen-outlook-2019".'),
    identifier: z
      .string()
      .min(1)
      .describe('A stable unique identifier (a URN or URL). Never random: it names the publication in every EPUB and PDF.'),
    title: z.string().min(1).describe('Title in the source language.'),
    subtitle: z.string().optional().describe('Subtitle in the source language.'),
    issuer: z.string().min(1).describe('The body that issued the text (shown on the title page; EPUB dc:creator).'),
    publisher: z.string().min(1).describe('Publisher (EPUB dc:publisher).'),
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD')
      .refine(isRealDate, 'a real date (month 01–12, a day that exists in that month)')
      .describe('Publication date of the source.'),
    description: z.string().optional().describe('One-sentence summary (HTML meta description, PDF Subject).'),
    keywords: z.array(z.string()).default([]).describe('Keywords (PDF Keywords).'),
    rights: z.string().optional().describe('Rights statement (PDF XMP dc:rights).'),
    sourceLanguage: languageCode.describe('Language of the Markdown sources.'),
    languages: z.array(languageCode).default([]).describe('Target languages, one translation file each.'),
    sources: z
      .array(z.string().regex(/^[^/\\][^\\]*\.md$/, 'a relative path to a .md file'))
      .min(1)
      .describe('Markdown files of the publication, in reading order, relative to its folder.'),
    fonts: z
      .record(languageCode, z.string().min(1))
      .optional()
      .describe(
        'Per-language font, replacing the one the registry picks for its script: ' +
          'an @fontsource package ("@fontsource/noto-sans-jp") or a TrueType file of the publication ("fonts/MyFace.ttf").',
      ),
    toc: z
      .object({
        depth: z
          .number()
          .int()
          .min(1)
          .max(6)
          .default(2)
          .describe('How many heading levels the contents list, from the top level the sources use (`#` or `##`).'),
      })
      .strict()
      .default({ depth: 2 }),
    print: z
      .object({
        pageSize: z.enum(pageSizes).default('A4').describe('Paper size of the PDF editions.'),
        bleed: z
          .string()
          .regex(/^\d+(\.\d+)?(mm|pt)$/, 'a length such as 3mm or 8.5pt')
          .optional()
          .describe('Bleed of the press PDFs (<pub>.<lang>.press.pdf, written only when set).'),
        marks: z.enum(['crop', 'none']).default('crop').describe('Printer marks of the press PDFs.'),
      })
      .strict()
      .default({ pageSize: 'A4', marks: 'crop' }),
    parallel: z
      .array(z.tuple([languageCode, languageCode]))
      .optional()
      .describe(
        'More parallel-text PDFs, as pairs of languages of the publication (left, right), e.g. [[fr, ar]]: ' +
          'parallel/fr-ar.pdf beside the source–target ones.',
      ),
  })
  .strict()
  .superRefine((config, context) => {
    const languages = [config.sourceLanguage, ...config.languages]
    config.parallel?.forEach((pair, index) => {
      pair.forEach((code, side) => {
        if (!languages.includes(code))
          context.addIssue({
            code: 'custom',
            path: ['parallel', index, side],
            message: `"${code}" is not a language of the publication (${languages.join(', ')})`,
          })
      })
      if (pair[0] === pair[1]) context.addIssue({ code: 'custom', path: ['parallel', index], message: 'a pair of two different languages' })
    })
  })

export type PublicationConfig = z.infer<typeof publicationSchema>
