package vn.parindex.gateway.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The local issuer's RSA key pair in one PEM file (PKCS #8 private key; the public key is derived from it). The
 * file is created on first start and read on every later one, so tokens issued before a restart still verify.
 */
final class KeyFile {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";
    private static final int KEY_BITS = 2048;

    private KeyFile() {}

    /** The pair kept in {@code file}, created (with its folders, readable by the owner only) when missing. */
    static KeyPair loadOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return read(file);
            }
            write(file, generate());
            // Read back: when two gateways start on one folder at once, both then use the key that stayed.
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read or write the local issuer's key file " + file.toAbsolutePath()
                            + " (parindex.auth.local-issuer.key-file)",
                    e);
        }
    }

    static KeyPair read(Path file) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IOException("not a PEM private key (" + BEGIN + " … " + END + ")");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
            RSAPublicKey publicKey = (RSAPublicKey)
                    rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException("not an RSA private key: " + e.getMessage(), e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** Written to a temporary file and moved in place, so a crash never leaves half a key behind. */
    private static void write(Path file, KeyPair pair) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, ".local-issuer", ".tmp");
        try {
            restrictToOwner(temporary);
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pair.getPrivate().getEncoded());
            Files.writeString(temporary, BEGIN + "\n" + body + "\n" + END + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file);
            } catch (FileAlreadyExistsException e) {
                // Another gateway on the same folder was first; its key is read back by the caller.
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the folder's permissions apply.
        }
    }

    /** For tests: the modulus identifies a key. */
    static BigInteger modulus(KeyPair pair) {
        return ((RSAPublicKey) pair.getPublic()).getModulus();
    }
}
