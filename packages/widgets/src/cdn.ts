// The CDN entry: one <script type="module"> defines every widget element. The QR encoder and
// rrule arrive as lazy chunks, only on pages that draw a QR code or count down to a schedule.
import './define.js';

export * from './index.js';
