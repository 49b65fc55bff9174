/**
 * The XMP metadata packet of a PDF (the catalog's /Metadata stream), saying what the document
 * information dictionary says: dc:title (x-default and the edition's language), dc:creator,
 * dc:description, dc:language, dc:rights when the publication states them, pdf:Keywords,
 * pdf:Producer, xmp:CreatorTool and xmp:CreateDate / ModifyDate / MetadataDate (the build date:
 * SOURCE_DATE_EPOCH or the last commit, never "now").
 */
export interface XmpInfo {
  title: string
  author: string
  subject?: string | undefined
  keywords?: readonly string[] | undefined
  creator: string
  producer: string
  language: string
  rights?: string | undefined
  date: Date
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** 2019-10-20T00:00:00Z (whole seconds). */
export const xmpDate = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z')

function alt(text: string, language: string): string {
  const item = (lang: string): string => `<rdf:li xml:lang="${escape(lang)}">${escape(text)}</rdf:li>`
  return `<rdf:Alt>${item('x-default')}${item(language)}</rdf:Alt>`
}

export function xmpPacket(info: XmpInfo): string {
  const date = xmpDate(info.date)
  const lines = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"' +
      ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(info.title, info.language)}</dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${escape(info.author)}</rdf:li></rdf:Seq></dc:creator>`,
    info.subject ? `<dc:description>${alt(info.subject, info.language)}</dc:description>` : '',
    `<dc:language><rdf:Bag><rdf:li>${escape(info.language)}</rdf:li></rdf:Bag></dc:language>`,
    info.rights ? `<dc:rights>${alt(info.rights, info.language)}</dc:rights>` : '',
    info.keywords?.length ? `<pdf:Keywords>${escape(info.keywords.join(', '))}</pdf:Keywords>` : '',
    `<pdf:Producer>${escape(info.producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${escape(info.creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ]
  return lines.filter((line) => line !== '').join('\n')
}
