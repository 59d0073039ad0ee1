/** An English dictionary has exactly the keys of its Chinese twin (the compiler checks). */
export type Same<T> = { [K in keyof T]: string };
