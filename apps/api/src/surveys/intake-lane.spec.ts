import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { MAX_BODY_BYTES } from '../common/json-body.middleware';
import { laneCodeOf } from './intake-lane';

const plain: IncomingHttpHeaders = { 'content-type': 'application/json', 'content-length': '560' };

const request = (
  headers: IncomingHttpHeaders = plain,
  url = '/api/surveys/demo-e06000001-children/responses',
  method = 'POST',
) => ({ method, url, headers }) as IncomingMessage;

describe('which survey responses the intake lane answers before Express', () => {
  it('takes a plain JSON post with a declared length and gives its link code', () => {
    expect(laneCodeOf(request())).toBe('demo-e06000001-children');
    expect(
      laneCodeOf(request({ ...plain, 'content-type': 'Application/JSON; charset="UTF-8"' })),
    ).toBe('demo-e06000001-children');
  });

  it.each([
    ['another method', request(plain, undefined, 'PUT')],
    ['another path', request(plain, '/api/surveys/demo/responses/extra')],
    ['a query string', request(plain, '/api/surveys/demo/responses?x=1')],
    ['an encoded code', request(plain, '/api/surveys/demo%00x/responses')],
    ['the path in capitals', request(plain, '/API/surveys/demo/responses')],
    ['no declared length', request({ 'content-type': 'application/json' })],
    ['a body over the limit', request({ ...plain, 'content-length': `${MAX_BODY_BYTES + 1}` })],
    ['gzip', request({ ...plain, 'content-encoding': 'gzip' })],
    ['even an identity encoding', request({ ...plain, 'content-encoding': 'identity' })],
    ['chunked', request({ ...plain, 'transfer-encoding': 'chunked' })],
    ['a cookie (the forgery check must see any session)', request({ ...plain, cookie: 'a=b' })],
    ['a form', request({ ...plain, 'content-type': 'application/x-www-form-urlencoded' })],
    ['another charset', request({ ...plain, 'content-type': 'application/json; charset=latin1' })],
    ['text', request({ ...plain, 'content-type': 'text/plain' })],
  ])('leaves %s to Express', (_label, req) => {
    expect(laneCodeOf(req)).toBeNull();
  });
});
