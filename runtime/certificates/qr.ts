/**
 * The verification link of a certificate and its QR code: the print view shows both, so whoever holds the paper can
 * open the public check (`/verify/<id>` in the portal, GET /api/public/certificates/:id behind it).
 */
import QRCode from 'qrcode';

/** The QR code's rendering: inline SVG markup (no script, nothing loaded), error correction M, the standard 4-module quiet zone. */
export const qrOptions = { type: 'svg', errorCorrectionLevel: 'M', margin: 4 } as const;

/** `<origin>/verify/<id>`: the portal's public page for the certificate (origin without a trailing slash). */
export const verificationUrl = (origin: string, id: string): string => `${origin.replace(/\/+$/, '')}/verify/${encodeURIComponent(id)}`;

/** The QR code of `url` as an SVG element (markup made by the qrcode package from the URL alone). */
export const verificationQrSvg = (url: string): Promise<string> => QRCode.toString(url, qrOptions);

/**
 * The configured public address (`publicUrl`) as the base of verification links: an absolute http(s) URL with no
 * query, fragment or credentials, without its trailing slash (a path prefix is kept). Throws a RangeError naming the
 * option otherwise, so a bad setting stops the server at start instead of printing unusable QR codes.
 */
export function publicBase(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RangeError(`publicUrl must be an absolute http(s) URL such as https://zwfw.example.gov.cn, not ${JSON.stringify(value)}`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password || value.includes('?') || value.includes('#')) {
    throw new RangeError(`publicUrl must be an http(s) URL without query, fragment or credentials, not ${JSON.stringify(value)}`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
