// @ts-check
// Free loopback ports, picked by the OS (bind to port 0, read it back, close).
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

/** @returns {Promise<number>} a TCP port free on 127.0.0.1 right now */
export function freeTcpPort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** @returns {Promise<number>} a UDP port free on 127.0.0.1 right now */
export function freeUdpPort() {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}
