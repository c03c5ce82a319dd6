package dev.outpost.runtime.api;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.values.V8Value;
import dev.outpost.runtime.glue.HostApi;
import dev.outpost.runtime.glue.HostObject;
import dev.outpost.runtime.glue.JsArgs;
import dev.outpost.runtime.glue.JsBytes;
import dev.outpost.runtime.glue.JsonText;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Java half of subtle.js: the WebCrypto primitives on the JCA. Stateless on purpose: a CryptoKey keeps its key
 * material (raw bytes for secret keys, PKCS#8 / SPKI DER for asymmetric ones) in a JS private field and passes it
 * on every call, so no Java object is ever reachable from JS and nothing is held per key on the Java side.
 *
 * <p>One host function, {@code subtle(op, s1, s2, s3, a, b, c, d)}: strings first, then byte arguments. It
 * returns an ArrayBuffer, a boolean (verify), a JSON text starting with '{' (structured results), or a string
 * {@code "!Name\0message"} for a failure that JS turns into a DOMException of that name (never a Java
 * exception, which the host object would report as an internal error).
 */
public final class SubtleCryptoHost implements HostApi {
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] ED25519_PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final byte[] X25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b656e032100");
    private static final byte[] X25519_PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b656e04220420");

    /** A failure with the DOMException name JS should throw. */
    static final class CryptoFailure extends Exception {
        final String name;

        CryptoFailure(String name, String message) {
            super(message, null, false, false);
            this.name = name;
        }
    }

    @Override
    public void register(HostObject host) {
        try {
            host.function("subtle", args -> {
                Object result;
                try {
                    result = dispatch(JsArgs.string(args, 0), JsArgs.string(args, 1), JsArgs.string(args, 2),
                            JsArgs.string(args, 3), bytes(args, 4), bytes(args, 5), bytes(args, 6), bytes(args, 7));
                } catch (CryptoFailure f) {
                    result = "!" + f.name + "\0" + f.getMessage();
                } catch (BadPaddingException e) {
                    result = "!OperationError\0Decryption failed. This could be due to a ciphertext "
                            + "authentication failure, bad padding, incorrect CryptoKey, or another algorithm-specific reason.";
                } catch (GeneralSecurityException | IllegalArgumentException | IndexOutOfBoundsException e) {
                    result = "!OperationError\0" + e.getClass().getSimpleName() + ": " + e.getMessage();
                }
                if (result instanceof byte[] b) {
                    return JsBytes.toArrayBuffer(host.runtime(), b);
                }
                if (result instanceof Boolean b) {
                    return host.runtime().createV8ValueBoolean(b);
                }
                return host.runtime().createV8ValueString((String) result);
            });
        } catch (JavetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(V8Value[] args, int index) throws JavetException {
        V8Value v = JsArgs.arg(args, index);
        return JsArgs.isNullish(v) ? null : JsBytes.toBytes(v);
    }

    private static Object dispatch(String op, String s1, String s2, String s3, byte[] a, byte[] b, byte[] c, byte[] d)
            throws GeneralSecurityException, CryptoFailure {
        return switch (op) {
            case "digest" -> MessageDigest.getInstance(digestName(s1)).digest(a);
            case "hmac" -> hmac(s1, a, b);
            case "aesGcm" -> aesGcm("encrypt".equals(s1), Integer.parseInt(s2), a, b, c, d);
            case "aesCbc" -> aesCbc("encrypt".equals(s1), a, b, c);
            case "aesCtr" -> aesCtr(a, b, c);
            case "aesKw" -> aesKw("encrypt".equals(s1), a, b);
            case "rsaOaep" -> rsaOaep("encrypt".equals(s1), s2, a, b, c);
            case "agree" -> agree(s1, a, b);
            case "sign" -> sign(s1, s2, s3, a, b);
            case "verify" -> verify(s1, s2, s3, a, b, c);
            case "generate" -> generate(s1, s2, s3, a);
            case "import" -> importKey(s1, s2, s3, a);
            case "export" -> exportKey(s1, s2, a, b);
            case "pbkdf2" -> pbkdf2(s1, Integer.parseInt(s2), Integer.parseInt(s3), a, b);
            case "hkdf" -> hkdf(s1, Integer.parseInt(s2), a, b, c);
            default -> throw new CryptoFailure("NotSupportedError", "Unknown operation " + op);
        };
    }

    // --- hashes and MACs ---

    static String digestName(String hash) throws CryptoFailure {
        return switch (hash) {
            case "SHA-1", "SHA-256", "SHA-384", "SHA-512", "MD5" -> hash;
            default -> throw new CryptoFailure("NotSupportedError", "Unrecognized or unimplemented digest algorithm requested.");
        };
    }

    private static String jcaHash(String hash) throws CryptoFailure {
        return digestName(hash).replace("-", "");
    }

    private static byte[] hmac(String hash, byte[] key, byte[] data) throws GeneralSecurityException, CryptoFailure {
        String name = "Hmac" + jcaHash(hash);
        Mac mac = Mac.getInstance(name);
        // An empty HMAC key is legal in WebCrypto; SecretKeySpec refuses zero length, so use a key-less wrapper.
        mac.init(key.length == 0 ? new EmptyKey(name) : new SecretKeySpec(key, name));
        return mac.doFinal(data);
    }

    private record EmptyKey(String getAlgorithm) implements javax.crypto.SecretKey {
        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return new byte[0];
        }
    }

    private static byte[] pbkdf2(String hash, int iterations, int bits, byte[] password, byte[] salt)
            throws GeneralSecurityException, CryptoFailure {
        if (iterations <= 0) {
            throw new CryptoFailure("OperationError", "PBKDF2 requires a positive iteration count.");
        }
        // PBKDF2 on raw bytes (JCA's PBEKeySpec takes chars): the RFC 8018 loop over HMAC.
        int len = bits / 8;
        byte[] out = new byte[len];
        Mac mac = Mac.getInstance("Hmac" + jcaHash(hash));
        mac.init(password.length == 0 ? new EmptyKey(mac.getAlgorithm()) : new SecretKeySpec(password, mac.getAlgorithm()));
        int hLen = mac.getMacLength();
        for (int block = 1, off = 0; off < len; block++, off += hLen) {
            mac.update(salt);
            mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
            byte[] u = mac.doFinal();
            byte[] t = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < t.length; j++) {
                    t[j] ^= u[j];
                }
            }
            System.arraycopy(t, 0, out, off, Math.min(hLen, len - off));
        }
        return out;
    }

    private static byte[] hkdf(String hash, int bits, byte[] key, byte[] salt, byte[] info)
            throws GeneralSecurityException, CryptoFailure {
        String name = "Hmac" + jcaHash(hash);
        Mac mac = Mac.getInstance(name);
        byte[] s = salt == null || salt.length == 0 ? new byte[mac.getMacLength()] : salt;
        mac.init(new SecretKeySpec(s, name));
        byte[] prk = mac.doFinal(key);
        mac.init(new SecretKeySpec(prk, name));
        int len = bits / 8;
        if (len > 255 * mac.getMacLength()) {
            throw new CryptoFailure("OperationError", "HKDF output length is too long.");
        }
        byte[] out = new byte[len];
        byte[] t = new byte[0];
        for (int i = 1, off = 0; off < len; i++, off += t.length) {
            mac.update(t);
            mac.update(info == null ? new byte[0] : info);
            mac.update((byte) i);
            t = mac.doFinal();
            System.arraycopy(t, 0, out, off, Math.min(t.length, len - off));
        }
        return out;
    }

    // --- AES ---

    private static byte[] aesGcm(boolean encrypt, int tagBits, byte[] key, byte[] data, byte[] iv, byte[] aad)
            throws GeneralSecurityException, CryptoFailure {
        if (iv == null || iv.length == 0) {
            throw new CryptoFailure("OperationError", "AES-GCM IV must not be empty.");
        }
        if (!encrypt && data.length < tagBits / 8) {
            throw new CryptoFailure("OperationError", "Ciphertext length of " + data.length * 8
                    + " bits must be greater than or equal to the size of the tag (" + tagBits + " bits).");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(tagBits, iv));
        if (aad != null && aad.length > 0) {
            cipher.updateAAD(aad);
        }
        try {
            return cipher.doFinal(data);
        } catch (BadPaddingException e) {
            int plain = data.length - tagBits / 8;
            throw new CryptoFailure("OperationError", "Decryption failed. This could be due to a ciphertext "
                    + "authentication failure, bad padding, incorrect CryptoKey, or another algorithm-specific reason. "
                    + "Input length was " + plain + ", output length expected to be " + plain + " for AES-GCM");
        }
    }

    private static byte[] aesCbc(boolean encrypt, byte[] key, byte[] data, byte[] iv)
            throws GeneralSecurityException, CryptoFailure {
        if (iv == null || iv.length != 16) {
            throw new CryptoFailure("OperationError", "AES-CBC IV must be 16 bytes long (provided "
                    + (iv == null ? 0 : iv.length) + " bytes).");
        }
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new IvParameterSpec(iv));
        return cipher.doFinal(data);
    }

    private static byte[] aesCtr(byte[] key, byte[] data, byte[] counter) throws GeneralSecurityException, CryptoFailure {
        if (counter == null || counter.length != 16) {
            throw new CryptoFailure("OperationError", "AES-CTR counter must be 16 bytes long.");
        }
        // Full 128-bit counter block increment (JCA's behaviour); equals WebCrypto for messages that do not wrap.
        Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(counter));
        return cipher.doFinal(data);
    }

    private static byte[] aesKw(boolean wrap, byte[] key, byte[] data) throws GeneralSecurityException, CryptoFailure {
        if (data.length % 8 != 0 || data.length < (wrap ? 16 : 24)) {
            throw new CryptoFailure("OperationError", "AES-KW input must be a multiple of 8 bytes and at least "
                    + (wrap ? 16 : 24) + " bytes long.");
        }
        Cipher cipher = Cipher.getInstance("AES/KW/NoPadding");
        cipher.init(wrap ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"));
        return cipher.doFinal(data);
    }

    private static byte[] rsaOaep(boolean encrypt, String hash, byte[] der, byte[] data, byte[] label)
            throws GeneralSecurityException, CryptoFailure {
        String h = digestName(hash);
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        javax.crypto.spec.OAEPParameterSpec spec = new javax.crypto.spec.OAEPParameterSpec(h, "MGF1",
                new MGF1ParameterSpec(h), new javax.crypto.spec.PSource.PSpecified(label == null ? new byte[0] : label));
        if (encrypt) {
            cipher.init(Cipher.ENCRYPT_MODE, publicKey("RSA-OAEP", der), spec);
        } else {
            cipher.init(Cipher.DECRYPT_MODE, privateKey("RSA-OAEP", der), spec);
        }
        return cipher.doFinal(data);
    }

    /** ECDH / X25519 shared secret of a private key (PKCS#8) and a peer public key (SPKI). */
    private static byte[] agree(String kind, byte[] pkcs8, byte[] spki) throws GeneralSecurityException {
        javax.crypto.KeyAgreement agreement = javax.crypto.KeyAgreement.getInstance(kind.equals("X25519") ? "X25519" : "ECDH");
        agreement.init(privateKey(kind, pkcs8));
        agreement.doPhase(publicKey(kind, spki), true);
        return agreement.generateSecret();
    }

    // --- signatures ---

    private static Signature signature(String kind, String hash, String salt) throws GeneralSecurityException, CryptoFailure {
        switch (kind) {
            case "ECDSA":
                return Signature.getInstance(jcaHash(hash) + "withECDSAinP1363Format");
            case "RSASSA-PKCS1-v1_5":
                return Signature.getInstance(jcaHash(hash) + "withRSA");
            case "RSA-PSS": {
                Signature s = Signature.getInstance("RSASSA-PSS");
                String h = digestName(hash);
                s.setParameter(new PSSParameterSpec(h, "MGF1", new MGF1ParameterSpec(h), Integer.parseInt(salt), 1));
                return s;
            }
            case "Ed25519":
                return Signature.getInstance("Ed25519");
            default:
                throw new CryptoFailure("NotSupportedError", "Unrecognized signature algorithm " + kind);
        }
    }

    private static byte[] sign(String kind, String hash, String salt, byte[] pkcs8, byte[] data)
            throws GeneralSecurityException, CryptoFailure {
        Signature s = signature(kind, hash, salt);
        s.initSign(privateKey(kind, pkcs8));
        s.update(data);
        return s.sign();
    }

    private static boolean verify(String kind, String hash, String salt, byte[] spki, byte[] sig, byte[] data)
            throws GeneralSecurityException, CryptoFailure {
        Signature s = signature(kind, hash, salt);
        s.initVerify(publicKey(kind, spki));
        s.update(data);
        try {
            return s.verify(sig);
        } catch (java.security.SignatureException e) {
            return false; // malformed signature: WebCrypto answers false, not an error
        }
    }

    private static String family(String kind) {
        return switch (kind) {
            case "ECDSA", "ECDH" -> "EC";
            case "Ed25519" -> "Ed25519";
            case "X25519" -> "X25519";
            default -> "RSA";
        };
    }

    private static PrivateKey privateKey(String kind, byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance(family(kind)).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    private static PublicKey publicKey(String kind, byte[] spki) throws GeneralSecurityException {
        return KeyFactory.getInstance(family(kind)).generatePublic(new X509EncodedKeySpec(spki));
    }

    // --- key generation, import, export ---

    private static String curveOid(String curve) throws CryptoFailure {
        return switch (curve) {
            case "P-256" -> "secp256r1";
            case "P-384" -> "secp384r1";
            case "P-521" -> "secp521r1";
            default -> throw new CryptoFailure("NotSupportedError", "Unrecognized or unimplemented EC curve \"" + curve + "\" requested.");
        };
    }

    private static ECParameterSpec curveParams(String curve) throws GeneralSecurityException, CryptoFailure {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec(curveOid(curve)));
        return params.getParameterSpec(ECParameterSpec.class);
    }

    /** generate(kind, curveOrBits, -, publicExponent) → {"priv": b64 pkcs8, "pub": b64 spki, ...}. */
    private static String generate(String kind, String param, String unused, byte[] exponent)
            throws GeneralSecurityException, CryptoFailure {
        KeyPairGenerator gen = KeyPairGenerator.getInstance(family(kind));
        switch (family(kind)) {
            case "EC" -> gen.initialize(new ECGenParameterSpec(curveOid(param)));
            case "RSA" -> {
                int bits = Integer.parseInt(param);
                if (bits < 256 || bits > 16384) {
                    throw new CryptoFailure("OperationError", "The modulus length must be between 256 and 16384 bits.");
                }
                gen.initialize(new RSAKeyGenParameterSpec(bits, new BigInteger(1, exponent)));
            }
            default -> {
            }
        }
        KeyPair pair = gen.generateKeyPair();
        if (pair.getPrivate() instanceof java.security.interfaces.ECPrivateKey ec) {
            return keyJson(EcPkcs8.encode(ec.getParams(), ec.getS(), ((ECPublicKey) pair.getPublic()).getW()),
                    pair.getPublic().getEncoded(), "private");
        }
        return keyJson(pair.getPrivate().getEncoded(), pair.getPublic().getEncoded(), "private");
    }

    private static String keyJson(byte[] priv, byte[] pub, String type) {
        Base64.Encoder b64 = Base64.getEncoder();
        StringBuilder sb = new StringBuilder("{\"type\":\"").append(type).append('"');
        if (priv != null) {
            sb.append(",\"priv\":\"").append(b64.encodeToString(priv)).append('"');
        }
        if (pub != null) {
            sb.append(",\"pub\":\"").append(b64.encodeToString(pub)).append('"');
        }
        return sb.append('}').toString();
    }

    /**
     * import(kind, format, curve, data) → {"type", "priv"?, "pub"?}. For "jwk", data holds the JWK members
     * kty, crv, x, y, d, n, e, p, q, dp, dq, qi joined by '\n' (JS parsed the JSON).
     */
    private static String importKey(String kind, String format, String curve, byte[] data)
            throws CryptoFailure {
        try {
            String fam = family(kind);
            KeyFactory factory = KeyFactory.getInstance(fam);
            switch (format) {
                case "spki": {
                    PublicKey key = factory.generatePublic(new X509EncodedKeySpec(data));
                    checkCurve(fam, curve, key);
                    return keyJson(null, key.getEncoded(), "public");
                }
                case "pkcs8": {
                    PrivateKey key = factory.generatePrivate(new PKCS8EncodedKeySpec(data));
                    byte[] pub = null;
                    if (key instanceof RSAPrivateCrtKey rsa) {
                        pub = factory.generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent())).getEncoded();
                    }
                    if (key instanceof java.security.interfaces.ECPrivateKey ec) {
                        // keep the public point the key carries, re-encoded as workerd writes EC PKCS#8
                        ECPoint w = decodePoint(EcPkcs8.publicPoint(data), ec.getParams());
                        if (w != null) {
                            pub = factory.generatePublic(new ECPublicKeySpec(w, ec.getParams())).getEncoded();
                        }
                        return keyJson(EcPkcs8.encode(ec.getParams(), ec.getS(), w), pub, "private");
                    }
                    return keyJson(key.getEncoded(), pub, "private");
                }
                case "raw": {
                    if (isOkp(fam)) {
                        if (data.length != 32) {
                            throw new CryptoFailure("DataError", fam + " raw keys must be exactly 32-bytes (provided " + data.length + ").");
                        }
                        return keyJson(null, concat(spkiPrefix(fam), data), "public");
                    }
                    if (fam.equals("EC")) {
                        ECParameterSpec params = curveParams(curve);
                        int size = (params.getCurve().getField().getFieldSize() + 7) / 8;
                        if (data.length != 1 + 2 * size || data[0] != 4) {
                            throw new CryptoFailure("DataError", "Invalid EC point: expected an uncompressed point of "
                                    + (1 + 2 * size) + " bytes.");
                        }
                        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(data, 1, 1 + size)),
                                new BigInteger(1, Arrays.copyOfRange(data, 1 + size, data.length)));
                        return keyJson(null, factory.generatePublic(new ECPublicKeySpec(point, params)).getEncoded(), "public");
                    }
                    throw new CryptoFailure("NotSupportedError", "Unrecognized key import format \"raw\" for " + kind + ".");
                }
                case "jwk":
                    return importJwk(fam, curve, factory, new String(data, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1));
                default:
                    throw new CryptoFailure("NotSupportedError", "Unrecognized key import format \"" + format + "\".");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CryptoFailure("DataError", "Invalid " + format + " key data: " + e.getMessage());
        }
    }

    /** An uncompressed point ({@code 04 X Y}) on the curve, or null for null input. */
    private static ECPoint decodePoint(byte[] point, ECParameterSpec params) {
        if (point == null) {
            return null;
        }
        int size = EcPkcs8.size(params);
        if (point.length != 1 + 2 * size) {
            return null;
        }
        return new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + size)),
                new BigInteger(1, Arrays.copyOfRange(point, 1 + size, point.length)));
    }

    private static void checkCurve(String fam, String curve, PublicKey key) throws GeneralSecurityException, CryptoFailure {
        if (fam.equals("EC") && curve != null && key instanceof ECPublicKey ec
                && ec.getParams().getCurve().getField().getFieldSize() != curveParams(curve).getCurve().getField().getFieldSize()) {
            throw new CryptoFailure("DataError", "The key's curve does not match the requested namedCurve " + curve + ".");
        }
    }

    private static String importJwk(String fam, String curve, KeyFactory factory, String[] f)
            throws GeneralSecurityException, CryptoFailure {
        // kty, crv, x, y, d, n, e, p, q, dp, dq, qi
        String d = f[4];
        switch (fam) {
            case "Ed25519", "X25519": {
                byte[] x = b64u(f[2]);
                byte[] pub = x == null ? null : concat(spkiPrefix(fam), x);
                if (d.isEmpty()) {
                    if (pub == null) {
                        throw new CryptoFailure("DataError", "Invalid " + fam + " JWK: missing \"x\".");
                    }
                    return keyJson(null, pub, "public");
                }
                return keyJson(concat(fam.equals("X25519") ? X25519_PKCS8_PREFIX : ED25519_PKCS8_PREFIX, b64u(d)), pub, "private");
            }
            case "EC": {
                ECParameterSpec params = curveParams(curve);
                byte[] pub = null;
                ECPoint point = null;
                if (!f[2].isEmpty() && !f[3].isEmpty()) {
                    point = new ECPoint(new BigInteger(1, b64u(f[2])), new BigInteger(1, b64u(f[3])));
                    pub = factory.generatePublic(new ECPublicKeySpec(point, params)).getEncoded();
                }
                if (d.isEmpty()) {
                    if (pub == null) {
                        throw new CryptoFailure("DataError", "Invalid EC JWK: missing \"x\" or \"y\".");
                    }
                    return keyJson(null, pub, "public");
                }
                BigInteger scalar = new BigInteger(1, b64u(d));
                factory.generatePrivate(new ECPrivateKeySpec(scalar, params)); // validates the scalar
                return keyJson(EcPkcs8.encode(params, scalar, point), pub, "private");
            }
            default: {
                BigInteger n = new BigInteger(1, b64u(f[5]));
                BigInteger e = new BigInteger(1, b64u(f[6]));
                byte[] pub = factory.generatePublic(new RSAPublicKeySpec(n, e)).getEncoded();
                if (d.isEmpty()) {
                    return keyJson(null, pub, "public");
                }
                if (f[7].isEmpty()) {
                    throw new CryptoFailure("NotSupportedError", "RSA JWK private keys without CRT parameters are not supported.");
                }
                byte[] priv = factory.generatePrivate(new RSAPrivateCrtKeySpec(n, e, new BigInteger(1, b64u(d)),
                        new BigInteger(1, b64u(f[7])), new BigInteger(1, b64u(f[8])), new BigInteger(1, b64u(f[9])),
                        new BigInteger(1, b64u(f[10])), new BigInteger(1, b64u(f[11])))).getEncoded();
                return keyJson(priv, pub, "private");
            }
        }
    }

    /**
     * export(kind, format, priv, pub): "raw" of a public key → bytes; "jwk" → JSON of the members; "info" →
     * {"bits", "e"} (RSA modulus length and public exponent, for CryptoKey.algorithm).
     */
    private static Object exportKey(String kind, String format, byte[] priv, byte[] pub)
            throws GeneralSecurityException, CryptoFailure {
        String fam = family(kind);
        KeyFactory factory = KeyFactory.getInstance(fam);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        PublicKey publicKey = pub == null ? null : factory.generatePublic(new X509EncodedKeySpec(pub));
        switch (format) {
            case "raw":
                if (publicKey == null) {
                    throw new CryptoFailure("InvalidAccessError", "Raw export requires a public key.");
                }
                if (publicKey instanceof ECPublicKey ec) {
                    int size = (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8;
                    return concat(new byte[] {4}, concat(fixed(ec.getW().getAffineX(), size), fixed(ec.getW().getAffineY(), size)));
                }
                return Arrays.copyOfRange(pub, pub.length - 32, pub.length);
            case "info": {
                RSAPublicKey rsa = (RSAPublicKey) publicKey;
                return "{\"bits\":" + rsa.getModulus().bitLength() + ",\"e\":\""
                        + Base64.getEncoder().encodeToString(rsa.getPublicExponent().toByteArray()) + "\"}";
            }
            case "jwk": {
                StringBuilder sb = new StringBuilder("{");
                if (publicKey instanceof ECPublicKey ec) {
                    int size = (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8;
                    field(sb, "x", b64.encodeToString(fixed(ec.getW().getAffineX(), size)));
                    field(sb, "y", b64.encodeToString(fixed(ec.getW().getAffineY(), size)));
                    if (priv != null) {
                        java.security.interfaces.ECPrivateKey p = (java.security.interfaces.ECPrivateKey)
                                factory.generatePrivate(new PKCS8EncodedKeySpec(priv));
                        field(sb, "d", b64.encodeToString(fixed(p.getS(), size)));
                    }
                } else if (isOkp(fam)) {
                    if (publicKey != null) {
                        field(sb, "x", b64.encodeToString(Arrays.copyOfRange(pub, pub.length - 32, pub.length)));
                    }
                    if (priv != null) {
                        field(sb, "d", b64.encodeToString(Arrays.copyOfRange(priv, priv.length - 32, priv.length)));
                    }
                } else if (priv != null) {
                    RSAPrivateCrtKey p = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(priv));
                    field(sb, "n", b64.encodeToString(unsigned(p.getModulus())));
                    field(sb, "e", b64.encodeToString(unsigned(p.getPublicExponent())));
                    field(sb, "d", b64.encodeToString(unsigned(p.getPrivateExponent())));
                    field(sb, "p", b64.encodeToString(unsigned(p.getPrimeP())));
                    field(sb, "q", b64.encodeToString(unsigned(p.getPrimeQ())));
                    field(sb, "dp", b64.encodeToString(unsigned(p.getPrimeExponentP())));
                    field(sb, "dq", b64.encodeToString(unsigned(p.getPrimeExponentQ())));
                    field(sb, "qi", b64.encodeToString(unsigned(p.getCrtCoefficient())));
                } else if (publicKey instanceof RSAPublicKey rsa) {
                    field(sb, "n", b64.encodeToString(unsigned(rsa.getModulus())));
                    field(sb, "e", b64.encodeToString(unsigned(rsa.getPublicExponent())));
                }
                if (sb.length() > 1) {
                    sb.setLength(sb.length() - 1);
                }
                return sb.append('}').toString();
            }
            default:
                throw new CryptoFailure("NotSupportedError", "Unrecognized export format \"" + format + "\".");
        }
    }

    private static boolean isOkp(String fam) {
        return fam.equals("Ed25519") || fam.equals("X25519");
    }

    private static byte[] spkiPrefix(String fam) {
        return fam.equals("X25519") ? X25519_SPKI_PREFIX : ED25519_SPKI_PREFIX;
    }

    private static void field(StringBuilder sb, String name, String value) {
        JsonText.quote(sb, name).append(':');
        JsonText.quote(sb, value).append(',');
    }

    private static byte[] b64u(String s) {
        return s == null || s.isEmpty() ? null : Base64.getUrlDecoder().decode(s);
    }

    private static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b.length > 1 && b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static byte[] fixed(BigInteger v, int size) {
        byte[] b = unsigned(v);
        byte[] out = new byte[size];
        System.arraycopy(b, 0, out, size - b.length, b.length);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
