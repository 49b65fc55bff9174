/** The XLIFF namespaces (format detection needs them without loading an XML parser). */
export const XLIFF12_NS = 'urn:oasis:names:tc:xliff:document:1.2'
export const XLIFF2_NS = 'urn:oasis:names:tc:xliff:document:2.0'
