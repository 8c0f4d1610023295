using System.Security.Cryptography;
using System.Text;
using Jour.Core.Common;

namespace Jour.Storage;

/// <summary>
/// Every file Jour writes at a path a user names (`--out`, `jour backup`): never inside the data
/// directory, never through a symbolic link, never over an existing file unless the caller replaces
/// on purpose, and owner-only (exports and backups hold personnummer). The content goes to a fresh
/// temporary file beside the target (created exclusively, so a planted link or file there is refused),
/// reaches the disk, and is then renamed into place: a reader sees the old file or the whole new one.
/// Lives in Storage because the server writes backups and the command line writes exports.
/// </summary>
public static class SafeOutput
{
    private const int MaxLinks = 40;

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>; see the class summary.</summary>
    /// <exception cref="JourException">A refusal or an I/O failure, naming the path.</exception>
    public static string WriteText(string path, string protectedDirectory, bool replace, string text, Encoding encoding) =>
        Write(path, protectedDirectory, replace, stream =>
        {
            byte[] preamble = encoding.GetPreamble();
            stream.Write(preamble);
            stream.Write(encoding.GetBytes(text));
        });

    /// <summary>Lets <paramref name="write"/> fill the new file; returns the full path written.</summary>
    /// <exception cref="JourException">A refusal or an I/O failure, naming the path.</exception>
    public static string Write(string path, string protectedDirectory, bool replace, Action<FileStream> write)
    {
        string target = Validate(path, protectedDirectory, replace);
        string directory = Path.GetDirectoryName(target)!;
        string temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tmp");
        try
        {
            // CreateNew is O_CREAT|O_EXCL: it refuses any existing name, a dangling symbolic link included.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, options))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            // The target may have become a link since it was validated; a rename would replace the link
            // itself, never write through it, but a link is refused all the same.
            RefuseLink(target);
            File.Move(temporary, target, overwrite: replace);
            return target;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            if (!replace && Path.Exists(target))
            {
                throw new JourException(ErrorCodes.OutputExists, target);
            }

            throw Translate(ex, target);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>
    /// The checks alone, before any work is done (a backup copies gigabytes only after them); returns the
    /// target as the file system resolves it: its directory with every link followed, then its name.
    /// </summary>
    /// <exception cref="JourException">The refusal, naming the path and why.</exception>
    public static string Validate(string path, string protectedDirectory, bool replace)
    {
        string absolute = Path.IsPathRooted(path) ? path : Path.Combine(Environment.CurrentDirectory, path);
        string name = Path.GetFileName(absolute);
        if (name.Length == 0 || name is "." or "..")
        {
            throw new JourException(ErrorCodes.OutputInvalid, path);
        }

        string target;
        string guarded;
        try
        {
            target = Path.Combine(RealPath(absolute[..^name.Length]), name);
            guarded = RealPath(protectedDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Translate(ex, Path.GetFullPath(absolute));
        }

        if (IsInside(target, guarded))
        {
            throw new JourException(ErrorCodes.OutputInDataDirectory, target, guarded);
        }

        RefuseLink(target);
        if (Directory.Exists(target))
        {
            throw new JourException(ErrorCodes.OutputIsDirectory, target);
        }

        if (!replace && Path.Exists(target))
        {
            throw new JourException(ErrorCodes.OutputExists, target);
        }

        string directory = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory))
        {
            throw new JourException(ErrorCodes.OutputNoDirectory, directory);
        }

        return target;
    }

    /// <summary>
    /// What realpath(3) answers, also for a path whose tail does not exist yet (kept as written): every
    /// symbolic link on the way is followed, so a data directory reached through a link is recognised.
    /// </summary>
    public static string RealPath(string path)
    {
        string absolute = Path.IsPathRooted(path) ? path : Path.Combine(Environment.CurrentDirectory, path);
        string root = Path.GetPathRoot(absolute)!;
        var pending = new Stack<string>(Parts(absolute[root.Length..]).Reverse());
        string current = root;
        int links = 0;
        while (pending.TryPop(out string? part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            string next = Path.Combine(current, part);
            string? link = new FileInfo(next).LinkTarget;
            if (link is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"Too many levels of symbolic links: {absolute}");
            }

            if (Path.IsPathRooted(link))
            {
                current = Path.GetPathRoot(link)!;
                link = link[current.Length..];
            }

            foreach (string linkPart in Parts(link).Reverse())
            {
                pending.Push(linkPart);
            }
        }

        return current;
    }

    private static string[] Parts(string relative) =>
        relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);

    private static bool IsInside(string path, string directory)
    {
        // Linux file names are case-sensitive; Windows and macOS compare without case by default.
        StringComparison comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        string prefix = Path.TrimEndingDirectorySeparator(directory);
        return string.Equals(path, prefix, comparison)
            || path.StartsWith(prefix + Path.DirectorySeparatorChar, comparison)
            || (prefix == Path.GetPathRoot(prefix) && path.StartsWith(prefix, comparison));
    }

    private static void RefuseLink(string target)
    {
        if (new FileInfo(target).LinkTarget is not null)
        {
            throw new JourException(ErrorCodes.OutputIsLink, target);
        }
    }

    private static JourException Translate(Exception ex, string target) => ex switch
    {
        UnauthorizedAccessException => new JourException(ErrorCodes.OutputDenied, target),
        DirectoryNotFoundException => new JourException(ErrorCodes.OutputNoDirectory, Path.GetDirectoryName(target) ?? target),
        _ => new JourException(ErrorCodes.OutputFailed, target, ex.Message),
    };

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind as a hidden .tmp beside the target; it holds nothing the target would not.
        }
    }
}
