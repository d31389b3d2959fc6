package dev.partop.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** partop's version, from the properties file Maven fills in at build time. */
public final class Version implements IVersionProvider {

    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream("/partop-version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[]{"partop " + get() + " (Java " + Runtime.version() + ")"};
    }
}
