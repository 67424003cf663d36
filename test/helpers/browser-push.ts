/**
 * A browser push subscription without Google's push service. Chromium's
 * `pushManager.subscribe()` asks FCM for an endpoint, which a test machine
 * cannot reach (it hangs or fails with "Registration failed - push service
 * error"). This init script replaces only `PushManager.prototype.subscribe`
 * and `getSubscription`: the subscription it makes is real in every other
 * way: a fresh P-256 key pair and a 16-byte auth secret made with WebCrypto
 * in the browser (RFC 8291 §3), an endpoint on the test's own push service
 * (`endpointBase` + a random id), the public key exported as the 65-byte
 * uncompressed point. It refuses, as Chromium does, without the
 * notification permission or with an application server key that is not a
 * 65-byte P-256 point. The private key (JWK) and the auth secret are kept in
 * localStorage ("test:push-subscription") so that a test can read them back
 * and decrypt what a push service would carry. Service workers, notification
 * permission, the prompt, the POST and notifications stay the browser's own.
 */
export interface BrowserSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** The subscription's private key, as a JWK (for a stand-in that decrypts). */
  privateJwk: JsonWebKey;
  /** The application server key the page subscribed with, base64url. */
  applicationServerKey: string;
}

/** Where the fake subscription is kept in the page's localStorage. */
export const SUBSCRIPTION_KEY = 'test:push-subscription';

/**
 * The init script (for `context.addInitScript(fakePushSubscribe, endpointBase)`).
 * It also counts `Notification.requestPermission` calls in `window.__permissionAsks`.
 */
export function fakePushSubscribe(endpointBase: string): void {
  const KEY = 'test:push-subscription';
  const w = window as unknown as { __permissionAsks: number };
  w.__permissionAsks = 0;
  const ask = Notification.requestPermission.bind(Notification);
  Notification.requestPermission = ((callback?: NotificationPermissionCallback) => {
    w.__permissionAsks += 1;
    return ask(callback);
  }) as typeof Notification.requestPermission;

  const b64u = (bytes: Uint8Array): string =>
    btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  const unb64u = (text: string): Uint8Array =>
    Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

  const asSubscription = (stored: {
    endpoint: string;
    keys: { p256dh: string; auth: string };
    applicationServerKey: string;
  }): PushSubscription =>
    ({
      endpoint: stored.endpoint,
      expirationTime: null,
      options: {
        userVisibleOnly: true,
        applicationServerKey: unb64u(stored.applicationServerKey).buffer,
      },
      getKey: (name: 'p256dh' | 'auth') => unb64u(stored.keys[name]).buffer,
      toJSON: () => ({ endpoint: stored.endpoint, expirationTime: null, keys: stored.keys }),
      unsubscribe: async () => {
        localStorage.removeItem(KEY);
        return true;
      },
    }) as unknown as PushSubscription;

  PushManager.prototype.getSubscription = async function () {
    const stored = localStorage.getItem(KEY);
    return stored ? asSubscription(JSON.parse(stored)) : null;
  };

  PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
    if (Notification.permission !== 'granted') {
      throw new DOMException('Registration failed - permission denied', 'NotAllowedError');
    }
    const raw = options?.applicationServerKey;
    const serverKey =
      raw instanceof Uint8Array
        ? raw
        : raw instanceof ArrayBuffer
          ? new Uint8Array(raw)
          : typeof raw === 'string'
            ? unb64u(raw)
            : new Uint8Array();
    if (serverKey.length !== 65 || serverKey[0] !== 4 || options?.userVisibleOnly !== true) {
      throw new DOMException('Registration failed - bad application server key', 'AbortError');
    }
    const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
      'deriveBits',
    ]);
    const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
    const stored = {
      endpoint: `${endpointBase}/${crypto.randomUUID()}`,
      keys: { p256dh: b64u(publicKey), auth: b64u(crypto.getRandomValues(new Uint8Array(16))) },
      privateJwk: await crypto.subtle.exportKey('jwk', pair.privateKey),
      applicationServerKey: b64u(serverKey),
    };
    localStorage.setItem(KEY, JSON.stringify(stored));
    return asSubscription(stored);
  };
}
