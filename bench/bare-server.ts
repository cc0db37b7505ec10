import Fastify from 'fastify';

// The reference: a bare Fastify route answering a small JSON object, on the same machine, in the same run.
const app = Fastify();
app.get('/bare', async () => ({ items: [], total: 0 }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('ready');
