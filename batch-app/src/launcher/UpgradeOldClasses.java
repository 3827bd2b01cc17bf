import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Run by the launcher (Java 25+, source-file mode) on the jar's extraction before it trains the AOT cache: rewrites
 * the classes of class-file version 49 or older (picocli's, compiled for Java 5) at version 52 with stack maps, the
 * same bytecode otherwise. An AOT cache cannot hold such old classes ("Old class has been linked"): every start parsed
 * them and verified them with the old verifier instead of mapping them linked from the cache.
 *
 * <p>Usage: {@code java UpgradeOldClasses.java LIB_DIR}. Each jar in {@code LIB_DIR} with an old class is replaced
 * (atomically) only if every rewritten class passes the class-file verifier; otherwise it is left as it was. Prints
 * one line per jar rewritten; exits 0 either way unless the directory cannot be read.
 */
public final class UpgradeOldClasses {

    private static final int OLDEST_ARCHIVABLE = 50;
    private static final int TARGET = 52;

    public static void main(String[] args) throws IOException {
        try (Stream<Path> jars = Files.list(Path.of(args[0]))) {
            for (Path jar : jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                try {
                    int n = upgrade(jar);
                    if (n > 0) {
                        System.out.println("rewrote " + n + " classes of " + jar.getFileName() + " at version " + TARGET);
                    }
                } catch (IOException | RuntimeException e) {
                    System.out.println("left " + jar.getFileName() + " as it was: " + e);
                }
            }
        }
    }

    /** Rewrites the jar's old classes; the number rewritten (0: the jar is not touched). */
    static int upgrade(Path jar) throws IOException {
        if (!hasOldClass(jar)) {
            return 0;
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        // the stack maps need the classes' supertypes: the jar's own classes first, then the platform's
        ClassHierarchyResolver own = ClassHierarchyResolver.ofResourceParsing(desc -> {
            String d = desc.descriptorString();
            byte[] b = entries.get(d.substring(1, d.length() - 1) + ".class");
            return b == null ? null : new ByteArrayInputStream(b);
        });
        ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                        own.orElse(ClassHierarchyResolver.defaultResolver())),
                ClassFile.StackMapsOption.GENERATE_STACK_MAPS, ClassFile.ConstantPoolSharingOption.NEW_POOL);
        ClassTransform version = (builder, element) -> {
            if (element instanceof ClassFileVersion) {
                builder.withVersion(TARGET, 0);
            } else {
                builder.with(element);
            }
        };
        ClassTransform rewrite = version.andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL));
        int n = 0;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (isClass(e.getKey()) && major(e.getValue()) < OLDEST_ARCHIVABLE) {
                ClassModel model = cf.parse(e.getValue());
                byte[] upgraded = cf.transformClass(model, rewrite);
                List<VerifyError> errors = cf.verify(upgraded);
                if (!errors.isEmpty()) {
                    throw new IllegalStateException(e.getKey() + " does not verify once rewritten: " + errors.get(0));
                }
                e.setValue(upgraded);
                n++;
            }
        }
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return n;
    }

    /**
     * Whether a class of the jar is older than an AOT cache can hold, from the first 8 bytes of each class (most jars
     * have none: reading every entry whole only to find that out took ~3 s for the ~120 jars of the application).
     */
    private static boolean hasOldClass(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry e = all.nextElement();
                if (isClass(e.getName())) {
                    try (InputStream in = zip.getInputStream(e)) {
                        if (major(in.readNBytes(8)) < OLDEST_ARCHIVABLE) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static boolean isClass(String name) {
        return name.endsWith(".class") && !name.endsWith("module-info.class");
    }

    /** The class file's major version (bytes 6-7), or {@code Integer.MAX_VALUE} for what is not a class file. */
    private static int major(byte[] b) {
        if (b.length < 8 || (b[0] & 0xFF) != 0xCA || (b[1] & 0xFF) != 0xFE || (b[2] & 0xFF) != 0xBA
                || (b[3] & 0xFF) != 0xBE) {
            return Integer.MAX_VALUE;
        }
        return ((b[6] & 0xFF) << 8) | (b[7] & 0xFF);
    }
}
