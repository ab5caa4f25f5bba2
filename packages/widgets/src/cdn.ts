// The CDN entry: one <script type="module"> defines every widget element.
import './define.js';

export * from './index.js';
