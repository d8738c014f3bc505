"""The national dataset structures (КМУ 835 recommendations): shipped as versioned data,
offered as templates and downloads, and followed by datasets."""
