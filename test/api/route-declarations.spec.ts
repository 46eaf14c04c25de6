import { errorResponseOf } from '../../apps/api/src/common/errors';
import { collectDeclaredRoutes } from '../../apps/api/src/common/route-table';
import { createTestApp, type TestApp } from '../support/test-app';

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Served by Swagger's own Express handlers (documentation, not data): not Nest routes. */
const DOCUMENTATION = /^\/api\/docs(\/|-json$|-yaml$|$)/;

describe('route declarations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('every route declares @Public() or @Roles(...)', () => {
    const routes = collectDeclaredRoutes(t.app);
    expect(routes.length).toBeGreaterThan(10);
    const undeclared = routes
      .filter((r) => r.access.kind === 'undeclared')
      .map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`);
    expect({ routesWithoutAccessDeclaration: undeclared }).toEqual({
      routesWithoutAccessDeclaration: [],
    });
  });

  it('the declared routes are exactly the routes Express serves (none registered around Nest)', () => {
    const instance = t.app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
    const served = instance.router.stack
      .flatMap((layer) =>
        layer.route
          ? Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${layer.route?.path}`)
          : [],
      )
      .filter((r) => !DOCUMENTATION.test(r.split(' ')[1] ?? ''));
    const declared = collectDeclaredRoutes(t.app).map((r) => `${r.method} ${r.path}`);
    expect([...served].sort()).toEqual([...declared].sort());
  });

  it('the guard denies a route without a declaration', async () => {
    const { AccessGuard } = await import('../../apps/api/src/common/access.guard');
    const { Reflector } = await import('@nestjs/core');
    const guard = new AccessGuard(
      new Reflector(),
      { authenticate: () => Promise.reject(new Error('not reached')) } as never,
      { record: () => Promise.resolve() } as never,
      { secureCookies: false } as never,
    );
    class Undeclared {
      handler(): void {}
    }
    const context = {
      getType: () => 'http',
      getHandler: () => Undeclared.prototype.handler,
      getClass: () => Undeclared,
      switchToHttp: () => ({
        getRequest: () => ({ method: 'GET', originalUrl: '/api/undeclared', cookies: {} }),
        getResponse: () => ({}),
      }),
    };
    const denial: unknown = await guard.canActivate(context as never).then(
      () => null,
      (error: unknown) => error,
    );
    expect(errorResponseOf(denial)?.status).toBe(403);
  });
});
