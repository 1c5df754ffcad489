/**
 * Java methods templates call on strings, lists and maps (`$s.replaceAll(...)`, `$s.length()`,
 * `$list.isEmpty()`, `$map.containsKey(k)`), which velocityjs does not know: API Gateway's Velocity runs
 * on Java objects. `replaceAll`, `matches` and `split` take Java regular expressions, read here as
 * JavaScript ones (the common syntax is the same; possessive quantifiers and `\p{javaX}` classes are not).
 */

interface MethodCall {
  readonly property: string;
  readonly params: readonly unknown[];
  readonly context: unknown;
}

interface MethodHandler {
  readonly uid: string;
  match(call: MethodCall): boolean;
  resolve(call: MethodCall): unknown;
}

const str = (value: unknown): string => String(value ?? '');

const STRING_METHODS: Readonly<Record<string, (self: string, params: readonly unknown[]) => unknown>> = {
  length: (self) => self.length,
  isEmpty: (self) => self.length === 0,
  contains: (self, [part]) => self.includes(str(part)),
  equals: (self, [other]) => self === other,
  equalsIgnoreCase: (self, [other]) => self.toLowerCase() === str(other).toLowerCase(),
  matches: (self, [pattern]) => new RegExp(`^(?:${str(pattern)})$`).test(self),
  replaceAll: (self, [pattern, replacement]) => self.replace(new RegExp(str(pattern), 'g'), str(replacement)),
  replaceFirst: (self, [pattern, replacement]) => self.replace(new RegExp(str(pattern)), str(replacement)),
  // Java's replace(CharSequence, CharSequence) replaces every occurrence, literally.
  replace: (self, [target, replacement]) => self.split(str(target)).join(str(replacement)),
  split: (self, [pattern]) => self.split(new RegExp(str(pattern))),
  toString: (self: string) => self,
};

const COLLECTION_METHODS: Readonly<Record<string, (self: object, params: readonly unknown[]) => unknown>> = {
  isEmpty: (self) => (Array.isArray(self) ? self.length === 0 : Object.keys(self).length === 0),
  contains: (self, [item]) => Array.isArray(self) && self.includes(item),
  containsKey: (self, [key]) => Object.hasOwn(self, str(key)),
  containsValue: (self, [value]) => Object.values(self).includes(value),
  values: (self) => Object.values(self),
};

export const JAVA_METHOD_HANDLERS: readonly MethodHandler[] = [
  {
    uid: 'portico: java.lang.String',
    match: ({ property, context }) => typeof context === 'string' && Object.hasOwn(STRING_METHODS, property),
    resolve: ({ property, params, context }) => STRING_METHODS[property](context as string, params),
  },
  {
    uid: 'portico: java.util.List/Map',
    match: ({ property, context }) =>
      context !== null &&
      typeof context === 'object' &&
      Object.hasOwn(COLLECTION_METHODS, property) &&
      !Object.hasOwn(context, property),
    resolve: ({ property, params, context }) => COLLECTION_METHODS[property](context as object, params),
  },
];
