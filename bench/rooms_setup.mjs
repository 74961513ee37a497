// Prepares a running chatd for bench/rooms.sh: registers a user, creates a public room
// with a few members and messages, and prints `<access token> <room id>`.
//   node bench/rooms_setup.mjs http://127.0.0.1:PORT
const url = process.argv[2];
let cookie = '';
async function gql(query, variables = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  for (const c of res.headers.getSetCookie()) {
    if (c.startsWith('access_token=')) cookie = c.split(';')[0];
  }
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
const tag = `${process.pid}${Date.now() % 100000}`;
const others = [];
for (let i = 0; i < 3; i += 1) {
  const saved = cookie;
  cookie = '';
  const d = await gql('mutation($i: RegisterInput!) { register(RegisterInput: $i) { user { id } } }', {
    i: { fullname: `Member ${tag} ${i}`, email: `m${i}_${tag}@example.com`, password: 'password123', confirmPassword: 'password123' },
  });
  others.push(String(d.register.user.id));
  cookie = saved;
}
cookie = '';
await gql('mutation($i: RegisterInput!) { register(RegisterInput: $i) { user { id } } }', {
  i: { fullname: `Bench ${tag}`, email: `bench_${tag}@example.com`, password: 'password123', confirmPassword: 'password123' },
});
const room = (await gql('mutation($n: String!, $u: [String!]!) { createChatroom(createChatroomInput: { name: $n, access: "PUBLIC", userIds: $u }) { id } }', { n: `Bench room ${tag}`, u: others })).createChatroom.id;
for (let i = 0; i < 20; i += 1) {
  await gql('mutation($r: Float!, $c: String!) { sendMessage(chatroomId: $r, content: $c) { cursor } }', { r: room, c: `warm-up ${i}` });
}
console.log(`${cookie.slice('access_token='.length)} ${room}`);
