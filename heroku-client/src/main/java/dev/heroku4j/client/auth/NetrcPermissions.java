package dev.heroku4j.client.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the netrc file's POSIX permissions allow, decided before it is read.
 *
 * <ul>
 *   <li>Writable by group or others: refused. Anyone who can write it can put in a key of their own, and the
 *       application would then act on (and send its config vars to) an account of their choosing. Python's
 *       {@code netrc} refuses such a file too.</li>
 *   <li>Readable by group or others: used, with one warning per file. The key may already have been read, and
 *       refusing would stop applications that Heroku's own CLI keeps working with (heroku-cli-command's netrc
 *       parser checks no permissions; it only writes the file as 0600).</li>
 * </ul>
 * Where the file system has no POSIX permissions (Windows), nothing is checked.
 */
final class NetrcPermissions {

    private static final Logger log = LoggerFactory.getLogger(NetrcPermissions.class);
    private static final Set<Path> warned = ConcurrentHashMap.newKeySet();

    private NetrcPermissions() {
    }

    /** Why the file is refused, or null when it may be read. */
    static @Nullable String check(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            return null; // no POSIX permissions to judge; reading it will tell whether it is readable
        }
        if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            return "refused: writable by group or others, so anyone could put their key in it (chmod 600 " + file + ")";
        }
        if ((permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ))
                && warned.add(file.toAbsolutePath().normalize())) {
            log.warn("{} is readable by group or others and holds a Heroku API key; restrict it with chmod 600 {}",
                    file, file);
        }
        return null;
    }
}
