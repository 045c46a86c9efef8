using System.Security.Cryptography;
using System.Text;

namespace AlgoSpace.Silo.Persistence;

/// <summary>
/// The content of one state file:
/// <code>
/// "ASGS" (4 bytes)  format version (1 byte, 1)
/// ETag, grain id, state name: each a length-prefixed UTF-8 string (BinaryWriter's encoding)
/// payload length (Int32, little-endian)  payload (the grain state serializer's bytes)
/// SHA-256 of everything above (32 bytes)
/// </code>
/// The grain id and state name say whose state it is without decoding the file name (hashed names) and are checked
/// on read; the checksum turns a file damaged outside this provider into an error instead of a wrong state.
/// </summary>
internal sealed record StateFile(string ETag, string GrainId, string StateName, ReadOnlyMemory<byte> Payload)
{
    private static ReadOnlySpan<byte> Magic => "ASGS"u8;

    private const byte FormatVersion = 1;

    private const int ChecksumLength = 32;

    public byte[] Encode()
    {
        using var buffer = new MemoryStream(Payload.Length + 128);
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(ETag);
            writer.Write(GrainId);
            writer.Write(StateName);
            writer.Write(Payload.Length);
            writer.Write(Payload.Span);
        }

        var body = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        buffer.Write(SHA256.HashData(body));
        return buffer.ToArray();
    }

    /// <summary>Decodes a whole file; <paramref name="path"/> only names it in errors.</summary>
    public static StateFile Decode(byte[] content, string path)
    {
        if (content.Length < Magic.Length + 1 + ChecksumLength || !content.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{path} is not a grain state file.");
        }

        if (content[Magic.Length] != FormatVersion)
        {
            throw new InvalidDataException($"{path} has state file format {content[Magic.Length]}; this build reads format {FormatVersion}.");
        }

        var bodyLength = content.Length - ChecksumLength;
        if (!SHA256.HashData(content.AsSpan(0, bodyLength)).AsSpan().SequenceEqual(content.AsSpan(bodyLength)))
        {
            throw new InvalidDataException($"{path} is damaged: its checksum does not match its content.");
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(content, 0, bodyLength, writable: false), Encoding.UTF8);
            reader.ReadBytes(Magic.Length + 1);
            var etag = reader.ReadString();
            var grainId = reader.ReadString();
            var stateName = reader.ReadString();
            var payloadLength = reader.ReadInt32();
            var payloadStart = (int)reader.BaseStream.Position;
            if (payloadLength < 0 || payloadStart + payloadLength != bodyLength)
            {
                throw new InvalidDataException($"{path} is damaged: its payload length does not match its size.");
            }

            return new StateFile(etag, grainId, stateName, content.AsMemory(payloadStart, payloadLength));
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException($"{path} is damaged: it ends inside its header.", ex);
        }
    }

    /// <summary>Reads and decodes the file at <paramref name="path"/>, or returns null when there is none.</summary>
    public static async Task<StateFile?> ReadAsync(string path, CancellationToken cancellation)
    {
        byte[] content;
        try
        {
            // A writer replaces the file by renaming over it; the open handle keeps reading the file it opened, so a
            // read sees the old or the new state whole, never a mix.
            content = await File.ReadAllBytesAsync(path, cancellation);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return Decode(content, path);
    }
}
