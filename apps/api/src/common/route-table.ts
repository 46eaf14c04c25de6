import { type INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { type AccessDeclaration, accessDeclarationOf } from './access.guard';

/** One route of the app as its controller declares it, e.g. `GET /api/auth/me`. */
export interface DeclaredRoute {
  readonly method: string;
  /** With the global prefix and Express-style parameters, e.g. `/api/organisations/:gssCode/report`. */
  readonly path: string;
  readonly controller: string;
  readonly handler: string;
  readonly access: AccessDeclaration;
}

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : [typeof value === 'string' ? value : ''];

function joinPath(...parts: string[]): string {
  const joined = parts
    .flatMap((p) => p.split('/'))
    .filter((p) => p !== '')
    .join('/');
  return `/${joined}`;
}

/**
 * Every controller route of a Nest app with its access declaration, read from the same metadata
 * Nest routes by. Used by tests to prove that no route is left undeclared.
 */
export function collectDeclaredRoutes(
  app: INestApplication,
  globalPrefix = 'api',
): DeclaredRoute[] {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const routes: DeclaredRoute[] = [];
  const seen = new Set<unknown>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller || seen.has(controller)) continue;
      seen.add(controller);
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function') continue;
        const methodPaths: unknown = Reflect.getMetadata(PATH_METADATA, handler);
        if (methodPaths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const access = accessDeclarationOf(reflector, [
          handler as (...args: unknown[]) => unknown,
          controller,
        ]);
        for (const base of asList(Reflect.getMetadata(PATH_METADATA, controller)))
          for (const sub of asList(methodPaths))
            routes.push({
              method: method ?? 'UNKNOWN',
              path: joinPath(globalPrefix, base, sub),
              controller: controller.name,
              handler: name,
              access,
            });
      }
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}
