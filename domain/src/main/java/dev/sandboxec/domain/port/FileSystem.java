package dev.sandboxec.domain.port;

/** The few facts about paths the domain needs, following symlinks as open(2) does. */
public interface FileSystem {
    /** What a path names right now. */
    PathKind kind(String path);

    /** Whether the path is a regular file with an execute bit this user may use. */
    boolean isExecutableFile(String path);

    /** The kinds the domain tells apart: a rule on a directory covers its tree, on anything else that one object. */
    enum PathKind {
        DIRECTORY,
        OTHER,
        MISSING
    }
}
