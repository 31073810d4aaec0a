import { MemoryFileSystem } from "fastapi-ts";

// The app's `templates/` and `static/` folders. On a server they are files on disk, and you leave out `fs`; a page in
// the browser has no disk, so the example keeps them in memory.
export const files = new MemoryFileSystem({
  "templates/item.html": `<html>
<head>
    <title>Item Details</title>
    <link href="{{ url_for('static', path='/styles.css') }}" rel="stylesheet">
</head>
<body>
    <h1><a href="{{ url_for('read_item', id=id) }}">Item ID: {{ id }}</a></h1>
</body>
</html>
`,
  "static/styles.css": `h1 {
    color: green;
}
`,
});
