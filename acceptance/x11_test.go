package acceptance

import (
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"strconv"
	"time"
)

// closeWindow asks the window to close as a window manager's close button
// does: a WM_DELETE_WINDOW client message. (xdotool's windowclose destroys
// the window instead, which no user can do.) A few requests of the X11
// protocol over the display's socket suffice.
func closeWindow(display int, windowID string) error {
	win, err := strconv.ParseUint(windowID, 10, 32)
	if err != nil {
		return fmt.Errorf("window id %q: %v", windowID, err)
	}
	c, err := net.DialTimeout("unix", fmt.Sprintf("/tmp/.X11-unix/X%d", display), 2*time.Second)
	if err != nil {
		return err
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(5 * time.Second))
	le := binary.LittleEndian
	// Connection setup: little-endian, protocol 11.0, no authorisation.
	setup := []byte{'l', 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	if _, err := c.Write(setup); err != nil {
		return err
	}
	head := make([]byte, 8)
	if _, err := io.ReadFull(c, head); err != nil {
		return err
	}
	rest := make([]byte, int(le.Uint16(head[6:]))*4)
	if _, err := io.ReadFull(c, rest); err != nil {
		return err
	}
	if head[0] != 1 {
		return fmt.Errorf("the X server refused the connection: %s", rest)
	}
	protocols, err := internAtom(c, "WM_PROTOCOLS")
	if err != nil {
		return err
	}
	deleteWindow, err := internAtom(c, "WM_DELETE_WINDOW")
	if err != nil {
		return err
	}
	// SendEvent (25) of a ClientMessage (33, format 32) to the window.
	req := make([]byte, 44)
	req[0], req[1] = 25, 0
	le.PutUint16(req[2:], 11)
	le.PutUint32(req[4:], uint32(win))
	le.PutUint32(req[8:], 0) // event mask: to the window's owner
	ev := req[12:]
	ev[0], ev[1] = 33, 32
	le.PutUint32(ev[4:], uint32(win))
	le.PutUint32(ev[8:], protocols)
	le.PutUint32(ev[12:], deleteWindow)
	if _, err := c.Write(req); err != nil {
		return err
	}
	// GetInputFocus (43) has a reply: once it comes the event was sent.
	if _, err := c.Write([]byte{43, 0, 1, 0}); err != nil {
		return err
	}
	reply := make([]byte, 32)
	if _, err := io.ReadFull(c, reply); err != nil {
		return err
	}
	if reply[0] == 0 {
		return fmt.Errorf("the X server answered SendEvent with error %d", reply[1])
	}
	return nil
}

// internAtom returns the atom of name (InternAtom, 16).
func internAtom(c net.Conn, name string) (uint32, error) {
	le := binary.LittleEndian
	pad := (4 - len(name)%4) % 4
	req := make([]byte, 8+len(name)+pad)
	req[0] = 16
	le.PutUint16(req[2:], uint16(len(req)/4))
	le.PutUint16(req[4:], uint16(len(name)))
	copy(req[8:], name)
	if _, err := c.Write(req); err != nil {
		return 0, err
	}
	reply := make([]byte, 32)
	if _, err := io.ReadFull(c, reply); err != nil {
		return 0, err
	}
	if reply[0] != 1 {
		return 0, fmt.Errorf("InternAtom %s: X error %d", name, reply[1])
	}
	return le.Uint32(reply[8:]), nil
}
