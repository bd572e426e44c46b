/**
 * Protection for our forms against cross-site requests: a secret in a signed, HttpOnly, SameSite cookie and a
 * token made from it in every form that changes something (@fastify/csrf-protection). Checked in `preHandler`,
 * after the form body is read.
 */
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import type { FastifyInstance } from 'fastify';

export async function registerForms(app: FastifyInstance, options: { secret: string; secure: boolean }): Promise<void> {
  await app.register(cookie, { secret: options.secret });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'ics_form',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secure, signed: true },
    getToken: (request) => (request.body as Record<string, string> | undefined)?._csrf,
  });
}
