package dev.sandboxec.domain.port;

/** Where the use case tells the user what was dropped or skipped, before the command starts. */
public interface Reporter {
    /** One line, without the program prefix. */
    void warn(String message);
}
