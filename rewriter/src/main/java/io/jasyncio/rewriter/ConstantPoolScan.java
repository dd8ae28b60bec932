package io.jasyncio.rewriter;

import java.nio.charset.StandardCharsets;

/**
 * Decides from the constant pool alone whether a class can need rewriting: it must mention the
 * {@code @Async} descriptor, or both {@code io/jasyncio/AsyncIO} and {@code await} (a misuse to
 * report), or both {@code java/lang/invoke/LambdaMetafactory} and a method descriptor returning
 * {@code Coroutine} (maybe an async lambda), and not the marker of an earlier rewrite. Reads only
 * the pool's tags, lengths and a few UTF-8 entries; no allocation.
 */
final class ConstantPoolScan {
    /** Neither {@code @Async} nor a call of {@code await}: nothing to rewrite. */
    static final int PLAIN = 0;
    /** Must be parsed: it may have {@code @Async} methods or misuse {@code await}, or is not a readable class file. */
    static final int CANDIDATE = 1;
    /** Carries the marker annotation of an earlier rewrite: left as it is. */
    static final int REWRITTEN = 2;

    private static final byte[] ASYNC = Names.ASYNC_DESC.getBytes(StandardCharsets.UTF_8);
    private static final byte[] ASYNCIO = Names.ASYNCIO.getBytes(StandardCharsets.UTF_8);
    private static final byte[] AWAIT = Names.AWAIT.getBytes(StandardCharsets.UTF_8);
    private static final byte[] MARK = Names.REWRITTEN_DESC.getBytes(StandardCharsets.UTF_8);
    private static final byte[] METAFACTORY = "java/lang/invoke/LambdaMetafactory".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RETURNS_COROUTINE = (")" + Names.COROUTINE_DESC).getBytes(StandardCharsets.UTF_8);

    private ConstantPoolScan() {}

    static boolean mayNeedRewrite(byte[] b) {
        return classify(b) == CANDIDATE;
    }

    /** @return {@link #PLAIN}, {@link #CANDIDATE} or {@link #REWRITTEN} */
    static int classify(byte[] b) {
        try {
            if (b.length < 10
                    || (b[0] & 0xff) != 0xCA
                    || (b[1] & 0xff) != 0xFE
                    || (b[2] & 0xff) != 0xBA
                    || (b[3] & 0xff) != 0xBE) {
                return CANDIDATE; // not a class file: let rewrite() say so
            }
            int count = u2(b, 8);
            int off = 10;
            boolean async = false;
            boolean asyncio = false;
            boolean await = false;
            boolean metafactory = false;
            boolean returnsCoroutine = false;
            for (int i = 1; i < count; i++) {
                switch (b[off]) {
                    case 1: {
                        int len = u2(b, off + 1);
                        int start = off + 3;
                        if (len == ASYNC.length && matches(b, start, ASYNC)) {
                            async = true;
                        } else if (len == ASYNCIO.length && matches(b, start, ASYNCIO)) {
                            asyncio = true;
                        } else if (len == AWAIT.length && matches(b, start, AWAIT)) {
                            await = true;
                        } else if (len == MARK.length && matches(b, start, MARK)) {
                            return REWRITTEN;
                        } else if (len == METAFACTORY.length && matches(b, start, METAFACTORY)) {
                            metafactory = true;
                        } else if (len > RETURNS_COROUTINE.length
                                && matches(b, start + len - RETURNS_COROUTINE.length, RETURNS_COROUTINE)) {
                            returnsCoroutine = true;
                        }
                        off = start + len;
                        break;
                    }
                    case 3:
                    case 4:
                    case 9:
                    case 10:
                    case 11:
                    case 12:
                    case 17:
                    case 18:
                        off += 5;
                        break;
                    case 5:
                    case 6:
                        off += 9;
                        i++;
                        break;
                    case 7:
                    case 8:
                    case 16:
                    case 19:
                    case 20:
                        off += 3;
                        break;
                    case 15:
                        off += 4;
                        break;
                    default:
                        return CANDIDATE; // unknown constant: let rewrite() decide
                }
            }
            return async || (asyncio && await) || (metafactory && returnsCoroutine) ? CANDIDATE : PLAIN;
        } catch (ArrayIndexOutOfBoundsException e) {
            return CANDIDATE; // truncated: let rewrite() report it
        }
    }

    private static int u2(byte[] b, int off) {
        return ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    }

    private static boolean matches(byte[] b, int off, byte[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (b[off + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
