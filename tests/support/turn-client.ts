// A minimal STUN/TURN client over UDP (RFC 8489, RFC 8656): a Binding request, to know a server answers,
// and an authenticated Allocate, to know whether it accepts a credential, as a browser's would be checked.
import { createHash, createHmac, randomBytes } from "node:crypto";
import { createSocket, type Socket } from "node:dgram";

const MAGIC_COOKIE = 0x2112a442;
const BINDING_REQUEST = 0x0001;
const ALLOCATE_REQUEST = 0x0003;
const SUCCESS_CLASS = 0x0100;

const ATTRIBUTE = {
  username: 0x0006,
  messageIntegrity: 0x0008,
  errorCode: 0x0009,
  realm: 0x0014,
  nonce: 0x0015,
  xorRelayedAddress: 0x0016,
  requestedTransport: 0x0019,
} as const;

interface Attribute {
  type: number;
  value: Buffer;
}

interface Message {
  type: number;
  transactionId: Buffer;
  attributes: Map<number, Buffer>;
}

export interface TurnServerAddress {
  host: string;
  port: number;
}

export type AllocateOutcome = { ok: true; relayedPort: number } | { ok: false; code: number };

function attributeBytes({ type, value }: Attribute): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt16BE(type, 0);
  header.writeUInt16BE(value.length, 2);
  return Buffer.concat([header, value, Buffer.alloc((4 - (value.length % 4)) % 4)]);
}

/** A request; with `integrityKey`, signed with MESSAGE-INTEGRITY over everything before it. */
function encode(type: number, transactionId: Buffer, attributes: Attribute[], integrityKey?: Buffer): Buffer {
  const body = Buffer.concat(attributes.map(attributeBytes));
  const header = Buffer.alloc(20);
  header.writeUInt16BE(type, 0);
  header.writeUInt16BE(body.length + (integrityKey ? 24 : 0), 2);
  header.writeUInt32BE(MAGIC_COOKIE, 4);
  transactionId.copy(header, 8);
  const message = Buffer.concat([header, body]);
  if (!integrityKey) return message;
  const integrity = createHmac("sha1", integrityKey).update(message).digest();
  return Buffer.concat([message, attributeBytes({ type: ATTRIBUTE.messageIntegrity, value: integrity })]);
}

function decode(bytes: Buffer): Message {
  const attributes = new Map<number, Buffer>();
  const end = 20 + bytes.readUInt16BE(2);
  for (let offset = 20; offset + 4 <= end;) {
    const type = bytes.readUInt16BE(offset);
    const length = bytes.readUInt16BE(offset + 2);
    attributes.set(type, bytes.subarray(offset + 4, offset + 4 + length));
    offset += 4 + length + ((4 - (length % 4)) % 4);
  }
  return { type: bytes.readUInt16BE(0), transactionId: bytes.subarray(8, 20), attributes };
}

function errorCodeOf(message: Message): number {
  const value = message.attributes.get(ATTRIBUTE.errorCode);
  return value ? (value[2]! & 0x7) * 100 + value[3]! : 0;
}

/** Sends a request and waits for its answer, sending it again (UDP may lose it) every 500 ms, 10 times. */
async function exchange(socket: Socket, server: TurnServerAddress, request: Buffer): Promise<Message> {
  const transactionId = request.subarray(8, 20);
  return new Promise((resolve, reject) => {
    let attempts = 0;
    const send = () => {
      if (++attempts > 10) {
        clearInterval(timer);
        socket.off("message", onMessage);
        reject(new Error(`no answer from ${server.host}:${server.port}`));
        return;
      }
      socket.send(request, server.port, server.host);
    };
    const onMessage = (bytes: Buffer) => {
      const message = decode(bytes);
      if (!message.transactionId.equals(transactionId)) return;
      clearInterval(timer);
      socket.off("message", onMessage);
      resolve(message);
    };
    socket.on("message", onMessage);
    const timer = setInterval(send, 500);
    send();
  });
}

async function withSocket<T>(exchangeOn: (socket: Socket) => Promise<T>): Promise<T> {
  const socket = createSocket("udp4");
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  try {
    return await exchangeOn(socket);
  } finally {
    socket.close();
  }
}

/** Whether a STUN server answers a Binding request here. */
export async function stunAnswers(server: TurnServerAddress): Promise<boolean> {
  return withSocket(async (socket) => {
    const answer = await exchange(socket, server, encode(BINDING_REQUEST, randomBytes(12), [])).catch(() => null);
    return answer?.type === (BINDING_REQUEST | SUCCESS_CLASS);
  });
}

/**
 * A UDP relay allocated with the long-term credential mechanism, as a browser does with an RTCIceServer's
 * username and credential: an unsigned Allocate for the realm and nonce, then the signed one, whose key is
 * MD5(username ":" realm ":" credential). Its outcome: the relayed port, or the error code (401: refused).
 */
export async function allocate(server: TurnServerAddress, login: { username: string; credential: string }): Promise<AllocateOutcome> {
  const udp: Attribute = { type: ATTRIBUTE.requestedTransport, value: Buffer.from([17, 0, 0, 0]) };
  return withSocket(async (socket) => {
    const challenge = await exchange(socket, server, encode(ALLOCATE_REQUEST, randomBytes(12), [udp]));
    const realm = challenge.attributes.get(ATTRIBUTE.realm);
    const nonce = challenge.attributes.get(ATTRIBUTE.nonce);
    if (errorCodeOf(challenge) !== 401 || !realm || !nonce) throw new Error(`unexpected challenge: ${errorCodeOf(challenge)}`);
    const key = createHash("md5").update(`${login.username}:${realm.toString()}:${login.credential}`).digest();
    const signed = [
      { type: ATTRIBUTE.username, value: Buffer.from(login.username) },
      { type: ATTRIBUTE.realm, value: realm },
      { type: ATTRIBUTE.nonce, value: nonce },
      udp,
    ];
    const answer = await exchange(socket, server, encode(ALLOCATE_REQUEST, randomBytes(12), signed, key));
    if (answer.type !== (ALLOCATE_REQUEST | SUCCESS_CLASS)) return { ok: false, code: errorCodeOf(answer) };
    const relayed = answer.attributes.get(ATTRIBUTE.xorRelayedAddress);
    return { ok: true, relayedPort: relayed ? relayed.readUInt16BE(2) ^ (MAGIC_COOKIE >>> 16) : 0 };
  });
}
