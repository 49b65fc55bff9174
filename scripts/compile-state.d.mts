export declare const root: string
export declare const srcDir: string
export declare const libDir: string
export declare const stampFile: string
/** Whether lib/ is missing or older than src/ (or the tsconfig files). */
export declare function isStale(): boolean
