/**
 * First-run set-up, sign-in, sign-out and the language switch.
 */
import { AppError } from '../../../lib/errors.js';
import { needsSetup, setUpOwner, signIn } from '../../../services/accounts.js';
import { endSession, startSession } from '../../../services/sessions.js';
import { errorMessage, field, formErrorsOf } from '../form-errors.js';
import { adminRoute, type AdminRoute } from '../route-registry.js';
import {
  clearSessionCookie,
  SESSION_COOKIE,
  setLanguageCookie,
  setSessionCookie,
} from '../session-cookie.js';
import { LoginPage, SetupPage } from '../views/auth-pages.js';

/** Where to go after sign-in: only a path inside /admin, never another site. */
export function safeNext(value: string): string {
  return /^\/admin(\/[^\s\\]*)?$/.test(value) && !value.startsWith('//') ? value : '/admin';
}

export const authRoutes: AdminRoute[] = [
  adminRoute({
    id: 'setup.form',
    method: 'GET',
    url: '/admin/setup',
    permission: 'public',
    handler: async (request, reply, kit) => {
      if (!(await needsSetup(kit.deps))) return kit.redirect(reply, '/admin/login');
      return kit.render(reply, <SetupPage ctx={kit.context(request, reply)} />);
    },
  }),
  adminRoute({
    id: 'setup.create',
    method: 'POST',
    url: '/admin/setup',
    permission: 'public',
    handler: async (request, reply, kit) => {
      if (!(await needsSetup(kit.deps))) return kit.redirect(reply, '/admin/login');
      const input = {
        email: field(request.body, 'email'),
        displayName: field(request.body, 'displayName'),
        password: field(request.body, 'password'),
      };
      try {
        const owner = await setUpOwner(kit.deps, input);
        setSessionCookie(request, reply, await startSession(kit.deps, owner.id));
        return kit.redirect(reply, '/admin');
      } catch (error) {
        const ctx = kit.context(request, reply);
        return kit.render(
          reply,
          <SetupPage ctx={ctx} values={input} errors={formErrorsOf(ctx, error)} />,
          422,
        );
      }
    },
  }),
  adminRoute({
    id: 'login.form',
    method: 'GET',
    url: '/admin/login',
    permission: 'public',
    handler: async (request, reply, kit) => {
      if (await needsSetup(kit.deps)) return kit.redirect(reply, '/admin/setup');
      if (request.user) return kit.redirect(reply, '/admin');
      const next = safeNext(field(request.query, 'next'));
      return kit.render(reply, <LoginPage ctx={kit.context(request, reply)} next={next} />);
    },
  }),
  adminRoute({
    id: 'login.submit',
    method: 'POST',
    url: '/admin/login',
    permission: 'public',
    handler: async (request, reply, kit) => {
      const email = field(request.body, 'email');
      const next = safeNext(field(request.body, 'next'));
      try {
        const user = await signIn(kit.deps, {
          email,
          password: field(request.body, 'password'),
          address: request.ip,
        });
        setSessionCookie(request, reply, await startSession(kit.deps, user.id));
        return kit.redirect(reply, next);
      } catch (error) {
        const ctx = kit.context(request, reply);
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        const message = formErrorsOf(ctx, error).form ?? errorMessage(ctx, error);
        return kit.render(
          reply,
          <LoginPage ctx={ctx} next={next} email={email} error={message} />,
          error.status,
        );
      }
    },
  }),
  adminRoute({
    id: 'logout',
    method: 'POST',
    url: '/admin/logout',
    permission: 'signed-in',
    handler: async (request, reply, kit) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await endSession(kit.deps, token);
      clearSessionCookie(request, reply);
      return kit.redirect(reply, '/admin/login');
    },
  }),
  adminRoute({
    id: 'language',
    method: 'POST',
    url: '/admin/language',
    permission: 'public',
    handler: async (request, reply, kit) => {
      const lang = field(request.body, 'lang') === 'en' ? 'en' : 'ar';
      setLanguageCookie(request, reply, lang);
      return kit.redirect(reply, safeNext(field(request.body, 'back')));
    },
  }),
];
